package osbox.hw.cpu;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper: reads the bytecode length of every method of one class file,
 * from its Code attribute (JVM specification 4.1, 4.4, 4.6, 4.7.3): the
 * number HotSpot compares with its compile limit (-XX:HugeMethodLimit).
 */
final class CodeLengths {
    /** Bytes after the tag of each fixed-size constant-pool entry kind (0: no such tag). */
    private static final int[] CONSTANT_SIZE = new int[21];

    static {
        for (int tag : new int[] {7, 8, 16, 19, 20}) {
            CONSTANT_SIZE[tag] = 2;         // Class, String, MethodType, Module, Package
        }
        CONSTANT_SIZE[15] = 3;              // MethodHandle
        for (int tag : new int[] {3, 4, 9, 10, 11, 12, 17, 18}) {
            CONSTANT_SIZE[tag] = 4;         // Integer, Float, the refs, NameAndType, Dynamic, InvokeDynamic
        }
        CONSTANT_SIZE[5] = 8;               // Long
        CONSTANT_SIZE[6] = 8;               // Double
    }

    private CodeLengths() {
    }

    /**
     * Maps "name(descriptor)" of each method that has code (not abstract or
     * native) to its bytecode length, in the class file's order. Throws
     * IOException when the bytes are not a well-formed class file.
     */
    static Map<String, Integer> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.skipBytes(4);                    // minor and major version
        String[] utf8 = readConstantPool(in);
        in.skipBytes(6);                    // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort());           // interfaces
        for (int fields = in.readUnsignedShort(); fields > 0; fields--) {
            in.skipBytes(6);                // access flags, name, descriptor
            skipAttributes(in);
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (int methods = in.readUnsignedShort(); methods > 0; methods--) {
            in.skipBytes(2);                // access flags
            String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
            for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.skipBytes(4);        // max_stack, max_locals
                    lengths.put(name, in.readInt());
                    in.skipBytes(length - 8);
                } else {
                    in.skipBytes(length);
                }
            }
        }
        return lengths;
    }

    // Reads the constant pool; returns its Utf8 entries by index (null elsewhere).
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            if (tag == 1) {
                utf8[i] = in.readUTF();     // u2 length + modified UTF-8, as DataInput reads it
            } else if (tag < CONSTANT_SIZE.length && CONSTANT_SIZE[tag] != 0) {
                in.skipBytes(CONSTANT_SIZE[tag]);
                if (tag == 5 || tag == 6) {
                    i++;                    // a Long or Double takes two entries
                }
            } else {
                throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
