package osbox.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Declarative Services descriptors (OSGI-INF/*.xml, listed in each
 * bundle's Service-Component header) of the bundles on the classpath, so
 * the harness wires exactly the components the framework would.
 */
final class ComponentDescriptors {
    /** One component: its class, the services it provides and its properties. */
    record Descriptor(String implementation, List<String> services, TreeMap<String, String> properties) {
    }

    private static final Pattern IMPL = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");
    private static final Pattern PROVIDE = Pattern.compile("<provide\\s+interface=\"([^\"]+)\"");
    private static final Pattern PROP = Pattern.compile(
            "<property\\s+name=\"([^\"]+)\"(?:\\s+type=\"[^\"]+\")?\\s+value=\"([^\"]*)\"");

    private ComponentDescriptors() {
    }

    /** Every component descriptor found, in classpath then header order. */
    static List<Descriptor> load(ClassLoader loader) throws IOException {
        List<Descriptor> out = new ArrayList<>();
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
                String xml;
                try (InputStream in = new URL(base + entry.trim()).openStream()) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                out.add(parse(xml));
            }
        }
        return out;
    }

    static Descriptor parse(String xml) {
        Matcher i = IMPL.matcher(xml);
        if (!i.find()) {
            throw new IllegalArgumentException("component descriptor without implementation: " + xml);
        }
        List<String> services = new ArrayList<>();
        Matcher p = PROVIDE.matcher(xml);
        while (p.find()) {
            services.add(p.group(1));
        }
        TreeMap<String, String> props = new TreeMap<>();
        Matcher q = PROP.matcher(xml);
        while (q.find()) {
            props.put(q.group(1), q.group(2));
        }
        return new Descriptor(i.group(1), services, props);
    }
}
