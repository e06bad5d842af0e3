package osbox.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main code the rules check: every class under osbox's package roots on
 * this module's test classpath, that is, in the bundles its pom depends on
 * (their jars in a reactor build). Test classes are left out, this module's
 * fixtures among them.
 */
final class MainCode {
    /** osbox's own packages and the example third-party plugins. */
    static final String[] ROOTS = {"osbox", "org.example.osbox"};

    private MainCode() {
    }

    /** The imported classes; imported once, on first use, and never changed. */
    static JavaClasses classes() {
        return Imported.CLASSES;
    }

    /** Lazy holder: the JVM imports on first access, once. */
    private static final class Imported {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOTS);
    }
}
