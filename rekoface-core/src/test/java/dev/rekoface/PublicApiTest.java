package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public signature of rekoface-core exposes an internal package, resilience4j or a generated Immutable* type. */
class PublicApiTest {

    static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(RekofaceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.endsWith(".class") || rel.contains("/internal/") || rel.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(rel.replace('/', '.').replaceAll("\\.class$", ""), false, PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean forbidden(Type t) {
        String name = t.getTypeName();
        return name.contains(".internal.") || name.contains("resilience4j") || name.matches(".*\\bImmutable[A-Z].*")
            || name.contains("org.immutables");
    }

    @Test
    void publicSignatures_exposeNoInternalOrGeneratedType() throws Exception {
        List<Class<?>> api = publicApiClasses();
        assertThat(api).hasSizeGreaterThan(30);
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : api) {
            if (c.getSimpleName().startsWith("Immutable")) {
                offenders.add("public generated class " + c.getName());
            }
            if (c.getGenericSuperclass() != null && forbidden(c.getGenericSuperclass()) && !c.getSimpleName().equals("Builder")) {
                offenders.add(c.getName() + " extends " + c.getGenericSuperclass());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
                    continue;
                }
                if (forbidden(m.getGenericReturnType())) {
                    offenders.add(c.getName() + "." + m.getName() + " returns " + m.getGenericReturnType());
                }
                for (Type p : m.getGenericParameterTypes()) {
                    if (forbidden(p)) {
                        offenders.add(c.getName() + "." + m.getName() + " takes " + p);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Type p : k.getGenericParameterTypes()) {
                        if (forbidden(p)) {
                            offenders.add(c.getName() + " constructor takes " + p);
                        }
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && forbidden(f.getGenericType())) {
                    offenders.add(c.getName() + "." + f.getName() + " is " + f.getGenericType());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void modelBuilders_hideTheGeneratedSupertype() {
        // The public Builder extends the package-private generated builder; users only ever name FaceDetails.Builder.
        assertThat(Modifier.isPublic(dev.rekoface.model.FaceDetails.Builder.class.getSuperclass().getEnclosingClass().getModifiers()))
            .isFalse();
        assertThat(Modifier.isPublic(dev.rekoface.model.FaceDetails.builder().boundingBox(new dev.rekoface.model.BoundingBox(0, 0, 1, 1))
            .build().getClass().getModifiers())).isFalse();
    }
}
