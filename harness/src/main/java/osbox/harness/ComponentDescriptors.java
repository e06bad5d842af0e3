package osbox.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
            Descriptor d = parse(read(xml));
            found.put(d.implementation(), d);
        }
        for (URL xml : listedEntries(loader)) {
            String text = read(xml);
            if (text.contains("<implementation")) {
                Descriptor d = parse(text);
                found.putIfAbsent(d.implementation(), d);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
                java.io.File[] files = new java.io.File(URI.create(root.toString())).listFiles();
                if (files != null) {
                    java.util.Arrays.sort(files);
                    for (java.io.File f : files) {
                        if (f.isFile() && f.getName().endsWith(".xml")) {
                            out.add(f.toURI().toURL());
                        }
                    }
                }
            } else if ("jar".equals(root.getProtocol())) {
                java.net.JarURLConnection c = (java.net.JarURLConnection) root.openConnection();
                c.setUseCaches(false);
                try (java.util.jar.JarFile jar = c.getJarFile()) {
                    String prefix = root.toString().substring(0, root.toString().indexOf("!/") + 2);
                    jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith("OSGI-INF/") && n.endsWith(".xml") && n.indexOf('/', 9) < 0)
                            .sorted()
                            .forEach(n -> {
                                try {
                                    out.add(new URL(prefix + n));
                                } catch (java.net.MalformedURLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                }
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
