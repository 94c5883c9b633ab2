package io.cellgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart rendered by Helm (release "cellgate" in namespace "iot") with some values set, as Kubernetes objects. Every
 * object is read strictly: a field that its kind's model does not know (a typo, a wrong indentation) fails the reading,
 * where Kubernetes would drop it silently or refuse it at install. Kinds outside the core model (the Prometheus
 * Operator's) are read generically.
 */
final class RenderedChart {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<HasMetadata> objects;

    private RenderedChart(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /** Renders the chart; a failure of Helm (a required value, the values' schema) is an IllegalStateException. */
    static RenderedChart of(Map<String, Object> values) {
        TemplateCommand template = new Helm(Path.of("helm/cellgate")).template().withName("cellgate")
                .withNamespace("iot");
        values.forEach(template::set);
        String manifest;
        try {
            manifest = template.call();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifest)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    HasMetadata object = (HasMetadata) JSON.treeToValue(document, KubernetesResource.class);
                    requireKnownFields(object, object.getKind() + "/" + object.getMetadata().getName(),
                            new IdentityHashMap<>());
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the chart rendered YAML that does not read as Kubernetes objects", e);
        }
        return new RenderedChart(objects);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(o.getKind() + "/" + o.getMetadata().getName()));
        return names;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in " + names()));
    }

    GenericKubernetesResource custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + names()));
    }

    JsonNode json(Object object) {
        return JSON.valueToTree(object);
    }

    /**
     * Fails when the model kept a field it has no property for (its additionalProperties), anywhere in the object. A
     * generic resource keeps all of its fields that way: it has no model to be checked against.
     */
    private static void requireKnownFields(Object value, String path, Map<Object, Boolean> seen) {
        if (value == null || value instanceof GenericKubernetesResource || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                requireKnownFields(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> requireKnownFields(item, path + "." + key, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError(path + " has fields its kind does not know: " + unknown.keySet());
                }
            } else {
                requireKnownFields(field, path + "." + getter.getName().substring(3), seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " could not be read", e);
        }
    }
}
