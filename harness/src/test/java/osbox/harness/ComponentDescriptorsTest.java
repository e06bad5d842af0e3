package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading DS component descriptors with an XML parser: what SCR reads, typed as SCR types it. */
class ComponentDescriptorsTest {
    private static List<ComponentDescriptors.Descriptor> read(String xml) throws IOException {
        return ComponentDescriptors.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void aComponentWithServicesTypedPropertiesAndConstructorReferences() throws IOException {
        List<ComponentDescriptors.Descriptor> ds = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="the.Name" init="2">
                  <property name="osbox.syscall.number" type="Integer" value="160"/>
                  <property name="osbox.syscall.name" value="uname"/>
                  <property name="tags" type="String">
                    one
                    two
                  </property>
                  <service>
                    <provide interface="a.First"/>
                    <provide interface="a.Second"/>
                  </service>
                  <reference name="console" interface="osbox.api.hw.Console" parameter="0"/>
                  <reference name="kernel" interface="osbox.api.kernel.Kernel" parameter="1"/>
                  <reference name="extra" interface="a.Extra" cardinality="0..n" policy="dynamic" bind="add"/>
                  <implementation class="a.Impl"/>
                </scr:component>
                """);
        assertEquals(1, ds.size());
        ComponentDescriptors.Descriptor d = ds.get(0);
        assertEquals("the.Name", d.name());
        assertEquals("a.Impl", d.implementation());
        assertEquals(List.of("a.First", "a.Second"), d.services());
        assertEquals(160, d.properties().get("osbox.syscall.number"));
        assertEquals("uname", d.properties().get("osbox.syscall.name"));
        assertArrayEquals(new String[] {"one", "two"}, (String[]) d.properties().get("tags"));
        assertEquals(2, d.constructorParameters());
        assertEquals(List.of(new ComponentDescriptors.Reference("console", "osbox.api.hw.Console", "1..1", 0),
                new ComponentDescriptors.Reference("kernel", "osbox.api.kernel.Kernel", "1..1", 1),
                new ComponentDescriptors.Reference("extra", "a.Extra", "0..n", -1)), d.references());
        assertTrue(d.references().get(0).mandatoryUnary());
    }

    @Test
    void formattingDoesNotMatterToAParser() throws IOException {
        // attributes in another order, single quotes, a comment and line breaks inside a tag
        List<ComponentDescriptors.Descriptor> ds = read("<?xml version='1.0'?>\n"
                + "<c:component name='n' xmlns:c='http://www.osgi.org/xmlns/scr/v1.3.0'><!-- x -->"
                + "<property value='7' type='Long'\n name='k'/><implementation\n class='b.Impl'/>"
                + "</c:component>");
        assertEquals("b.Impl", ds.get(0).implementation());
        assertEquals(Map.of("k", 7L), ds.get(0).properties());
        assertEquals(List.of(), ds.get(0).services());
        assertEquals(0, ds.get(0).constructorParameters());
    }

    @Test
    void aComponentsWrapperAndOtherDocuments() throws IOException {
        assertEquals(List.of("x.A", "x.B"), read("<components xmlns:scr='http://www.osgi.org/xmlns/scr/v1.1.0'>"
                + "<scr:component name='a'><implementation class='x.A'/></scr:component>"
                + "<scr:component name='b'><implementation class='x.B'/></scr:component></components>")
                .stream().map(ComponentDescriptors.Descriptor::implementation).toList());
        assertEquals(List.of(), read("<metatype:MetaData xmlns:metatype='http://www.osgi.org/xmlns/metatype/v1.4.0'/>"));
    }

    @Test
    void badDescriptorsAreRefusedLoudly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("<component name='n'/>"));
        assertEquals("component n: a descriptor needs one implementation class", e.getMessage());
        assertThrows(IOException.class, () -> read("<component name='n'><implementation class='a'/>"));
        // no DTD, so no external entity is ever read
        assertThrows(IOException.class, () -> read("<?xml version='1.0'?><!DOCTYPE c [<!ENTITY x SYSTEM "
                + "'file:///etc/passwd'>]><component name='&x;'><implementation class='a'/></component>"));
    }

    @Test
    void theBundlesOnTheClasspathAreFound() throws IOException {
        List<ComponentDescriptors.Descriptor> all = ComponentDescriptors.load(getClass().getClassLoader());
        ComponentDescriptors.Descriptor terminal = all.stream()
                .filter(d -> d.implementation().equals("osbox.kernel.tty.ConsoleTerminal")).findFirst().orElseThrow();
        assertEquals(List.of("osbox.api.kernel.TerminalProvider", "osbox.api.kernel.InterruptHandler"),
                terminal.services());
        assertEquals(2, terminal.constructorParameters());
        List<String> names = all.stream().map(ComponentDescriptors.Descriptor::implementation).toList();
        assertEquals(names.stream().sorted().toList(), names, "sorted by implementation class");
    }
}
