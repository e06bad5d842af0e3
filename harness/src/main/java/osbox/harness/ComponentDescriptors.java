package osbox.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the Declarative Services descriptors (OSGI-INF/*.xml, listed in each
 * bundle's Service-Component header) of the bundles on the classpath with
 * the JDK's XML parser, so the harness makes exactly the components the
 * framework would, with the properties the framework would give their
 * services.
 */
final class ComponentDescriptors {
    /**
     * One reference of a component: its name, the service interface, and
     * the constructor parameter it is injected as (-1: a field or method
     * reference, which the harness does not inject).
     */
    record Reference(String name, String service, String cardinality, int parameter) {
        /** Whether exactly one service must be there (cardinality 1..1, DS's default). */
        boolean mandatoryUnary() {
            return "1..1".equals(cardinality);
        }
    }

    /**
     * One component: its name, class, the services it provides, its
     * properties (typed as DS types them), its references, and how many
     * constructor parameters its activation constructor takes (0: the
     * public no-argument constructor).
     */
    record Descriptor(String name, String implementation, List<String> services, Map<String, Object> properties,
            List<Reference> references, int constructorParameters) {
    }

    private ComponentDescriptors() {
    }

    /**
     * Every component descriptor on the classpath, by implementation class
     * (sorted: the order never depends on the classpath's). Descriptors are
     * found through each bundle's Service-Component header, and also by
     * listing OSGI-INF/ directly, which covers merged (shaded) jars whose
     * manifests are gone.
     */
    static List<Descriptor> load(ClassLoader loader) throws IOException {
        TreeMap<String, Descriptor> found = new TreeMap<>();
        for (URL xml : headerEntries(loader)) {
            for (Descriptor d : read(xml)) {
                found.put(d.implementation(), d);
            }
        }
        for (URL xml : listedEntries(loader)) {
            for (Descriptor d : read(xml)) {
                found.putIfAbsent(d.implementation(), d);
            }
        }
        return new ArrayList<>(found.values());
    }

    // A namespace-aware parser that reads no DTD and no external entity.
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    // The components in one descriptor file.
    private static List<Descriptor> read(URL xml) throws IOException {
        try (InputStream in = xml.openStream()) {
            return read(in, xml.toString());
        }
    }

    /**
     * The components in one XML document (none if it is not a DS
     * descriptor); {@code source} names it in errors. Throws IOException for
     * XML that is not well-formed or declares a DTD.
     */
    static List<Descriptor> read(InputStream in, String source) throws IOException {
        try {
            return parse(parser().parse(in).getDocumentElement());
        } catch (SAXException e) {
            throw new IOException("component descriptor " + source + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * The components under {@code root}: the root itself when it is a
     * component element, or its component children (a {@code components}
     * wrapper). Elements are matched by local name, in any SCR namespace.
     */
    static List<Descriptor> parse(Element root) {
        List<Descriptor> out = new ArrayList<>();
        if (root.getLocalName().equals("component")) {
            out.add(component(root));
        } else {
            for (Element c : children(root, "component")) {
                out.add(component(c));
            }
        }
        return out;
    }

    // One component element.
    private static Descriptor component(Element c) {
        List<Element> impl = children(c, "implementation");
        if (impl.size() != 1 || impl.get(0).getAttribute("class").isEmpty()) {
            throw new IllegalArgumentException("component " + c.getAttribute("name")
                    + ": a descriptor needs one implementation class");
        }
        String implementation = impl.get(0).getAttribute("class");
        List<String> services = new ArrayList<>();
        for (Element service : children(c, "service")) {
            for (Element provide : children(service, "provide")) {
                services.add(provide.getAttribute("interface"));
            }
        }
        Map<String, Object> properties = new TreeMap<>();
        for (Element p : children(c, "property")) {
            properties.put(p.getAttribute("name"), value(p));
        }
        List<Reference> references = new ArrayList<>();
        for (Element r : children(c, "reference")) {
            String cardinality = r.getAttribute("cardinality");
            String parameter = r.getAttribute("parameter");
            references.add(new Reference(r.getAttribute("name"), r.getAttribute("interface"),
                    cardinality.isEmpty() ? "1..1" : cardinality,
                    parameter.isEmpty() ? -1 : Integer.parseInt(parameter)));
        }
        String init = c.getAttribute("init");
        String name = c.getAttribute("name").isEmpty() ? implementation : c.getAttribute("name");
        return new Descriptor(name, implementation, List.copyOf(services), properties, List.copyOf(references),
                init.isEmpty() ? 0 : Integer.parseInt(init));
    }

    /**
     * A property's value as DS gives it: the {@code value} attribute, or
     * else the element's text, one value a line (then an array); converted
     * to its {@code type} (String by default).
     */
    static Object value(Element p) {
        String type = p.getAttribute("type").isEmpty() ? "String" : p.getAttribute("type");
        if (p.hasAttribute("value")) {
            return convert(type, p.getAttribute("value"));
        }
        List<String> lines = new ArrayList<>();
        for (String line : p.getTextContent().split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return switch (type) {
            case "Integer" -> lines.stream().map(Integer::valueOf).toArray(Integer[]::new);
            case "Long" -> lines.stream().map(Long::valueOf).toArray(Long[]::new);
            case "Boolean" -> lines.stream().map(Boolean::valueOf).toArray(Boolean[]::new);
            default -> lines.toArray(String[]::new);
        };
    }

    // One value of a DS property type (String, Integer, Long, Boolean; anything else stays text).
    private static Object convert(String type, String text) {
        return switch (type) {
            case "Integer" -> Integer.valueOf(text.trim());
            case "Long" -> Long.valueOf(text.trim());
            case "Boolean" -> Boolean.valueOf(text.trim());
            default -> text;
        };
    }

    // The element children of e with this local name, in document order.
    private static List<Element> children(Element e, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element child && localName.equals(child.getLocalName())) {
                out.add(child);
            }
        }
        return out;
    }

    // XML files named by Service-Component manifest headers.
    private static List<URL> headerEntries(ClassLoader loader) throws IOException {
        List<URL> out = new ArrayList<>();
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL m = manifests.nextElement();
            String header;
            try (InputStream in = m.openStream()) {
                header = new Manifest(in).getMainAttributes().getValue("Service-Component");
            }
            if (header == null) {
                continue;
            }
            String base = m.toString().substring(0, m.toString().length() - "META-INF/MANIFEST.MF".length());
            for (String entry : header.split(",")) {
                out.add(new URL(base + entry.trim()));
            }
        }
        return out;
    }

    // XML files directly under every OSGI-INF/ folder of the classpath (directories and jars).
    private static List<URL> listedEntries(ClassLoader loader) throws IOException {
        List<URL> out = new ArrayList<>();
        Enumeration<URL> roots = loader.getResources("OSGI-INF");
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if ("file".equals(root.getProtocol())) {
                File[] files = new File(URI.create(root.toString())).listFiles();
                if (files != null) {
                    Arrays.sort(files);
                    for (File f : files) {
                        if (f.isFile() && f.getName().endsWith(".xml")) {
                            out.add(f.toURI().toURL());
                        }
                    }
                }
            } else if ("jar".equals(root.getProtocol())) {
                JarURLConnection c = (JarURLConnection) root.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    String prefix = root.toString().substring(0, root.toString().indexOf("!/") + 2);
                    List<String> names = jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith("OSGI-INF/") && n.endsWith(".xml") && n.indexOf('/', 9) < 0)
                            .sorted().toList();
                    for (String n : names) {
                        out.add(new URL(prefix + n));
                    }
                }
            }
        }
        return out;
    }
}
