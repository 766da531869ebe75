package cn.liaocheng.rdcoverage.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s, rendered as kustomize does (the resources in order; .ci/run also validates {@code kubectl kustomize}'s
 * output when kubectl is there, through {@code -Drd.rendered-manifests=FILE}), checked against the Kubernetes API
 * types of the fabric8 kubernetes-model (generated from the Kubernetes OpenAPI schemas): an unknown or misspelt
 * field, a value of the wrong type, or a kind not listed fails. Then what the issue asks of the manifests.
 */
class ManifestValidationTest {
    private static final Path DIR = Path.of("deploy/k8s");
    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper STRICT = strict();

    static ObjectMapper strict() {
        JsonMapper m = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (LogicalType t : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return m;
    }

    /** The documents kustomize renders from deploy/k8s (only `resources` and `labels` are used there). */
    static List<Map<String, Object>> render() throws Exception {
        Map<String, Object> k = load(Files.readString(DIR.resolve("kustomization.yaml"))).get(0);
        Set<String> supported = Set.of("apiVersion", "kind", "resources", "labels");
        assertTrue(supported.containsAll(k.keySet()), "kustomization.yaml uses " + k.keySet() + "; this renderer knows " + supported
                + " (validate kubectl kustomize's output instead)");
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object r : (List<?>) k.get("resources")) {
            docs.addAll(load(Files.readString(DIR.resolve((String) r))));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (d != null) {
                docs.add((Map<String, Object>) d);
            }
        }
        return docs;
    }

    /** Problems of one document: unknown kind, a value that does not fit its field, fields the API does not have. */
    static List<String> problems(Map<String, Object> doc) {
        String where = doc.get("kind") + "/" + (doc.get("metadata") instanceof Map<?, ?> md ? md.get("name") : "?");
        Class<?> type = KINDS.get(doc.get("apiVersion") + "/" + doc.get("kind"));
        if (type == null) {
            return List.of(where + ": apiVersion/kind " + doc.get("apiVersion") + "/" + doc.get("kind") + " is not an expected resource");
        }
        Object typed;
        try {
            typed = STRICT.convertValue(doc, type);
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage().split("\n")[0]);
        }
        List<String> out = new ArrayList<>();
        unknownFields(typed, where, out, new IdentityHashMap<>());
        return out;
    }

    /** Every fabric8 model object keeps fields it does not know in additionalProperties: there must be none. */
    private static void unknownFields(Object o, String path, List<String> out, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((key, v) -> unknownFields(v, path + "." + key, out, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method g : o.getClass().getMethods()) {
            if (g.getParameterCount() != 0 || Modifier.isStatic(g.getModifiers()) || !g.getName().startsWith("get")
                    || g.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v;
            try {
                v = g.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (g.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                String name = Character.toLowerCase(g.getName().charAt(3)) + g.getName().substring(4);
                unknownFields(v, path + "." + name, out, seen);
            }
        }
    }

    @Test
    void theRenderedManifestsAreValidKubernetesObjects() throws Exception {
        List<Map<String, Object>> docs = render();
        List<String> all = docs.stream().flatMap(d -> problems(d).stream()).collect(Collectors.toList());
        String rendered = System.getProperty("rd.rendered-manifests", "");
        if (!rendered.isBlank()) {
            List<Map<String, Object>> kustomized = load(Files.readString(Path.of(rendered)));
            assertEquals(docs.size(), kustomized.size(), "kubectl kustomize rendered another number of objects");
            kustomized.forEach(d -> all.addAll(problems(d)));
            System.out.println("validated " + kustomized.size() + " objects rendered by kubectl kustomize");
        }
        assertEquals(List.of(), all);
        System.out.println("validated " + docs.size() + " objects of deploy/k8s: "
                + docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.joining(", ")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theValidatorRejectsUnknownAndMistypedFields() {
        Map<String, Object> d = deployment();
        assertEquals(List.of(), problems(d));

        Map<String, Object> typo = deployment();
        container(typo).put("securityContxt", Map.of("runAsNonRoot", true));
        assertEquals(List.of("Deployment/x.spec.template.spec.containers[0]: unknown field(s) [securityContxt]"), problems(typo));

        Map<String, Object> wrongType = deployment();
        ((Map<String, Object>) wrongType.get("spec")).put("replicas", "two");
        assertFalse(problems(wrongType).isEmpty());

        Map<String, Object> quotedNumber = deployment();
        ((Map<String, Object>) quotedNumber.get("spec")).put("replicas", "2");
        assertFalse(problems(quotedNumber).isEmpty(), "a quoted number is a string to the API server");

        Map<String, Object> unknownKind = deployment();
        unknownKind.put("apiVersion", "apps/v1beta1");
        assertFalse(problems(unknownKind).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> d) {
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template");
        return ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
    }

    private static Map<String, Object> deployment() {
        return load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: i
                          ports: [{name: http, containerPort: 8080}]
                """).get(0);
    }

    private static <T> T only(List<Map<String, Object>> docs, Class<T> type) {
        List<T> found = docs.stream().filter(d -> KINDS.get(d.get("apiVersion") + "/" + d.get("kind")) == type)
                .map(d -> STRICT.convertValue(d, type)).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    @Test
    void theManifestsStartAsShippedAndFollowTheRestrictedPodSecurityStandard() throws Exception {
        List<Map<String, Object>> docs = render();
        assertTrue(docs.stream().noneMatch(d -> "Secret".equals(d.get("kind"))), "the Secret must not be applied by the kustomization");

        Map<String, String> config = only(docs, ConfigMap.class).getData();
        for (String key : List.of("JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER", "JWT_AUDIENCE", "DB_URL")) {
            assertFalse(config.getOrDefault(key, "").isBlank(), key + " is set in the ConfigMap");
        }
        assertEquals("false", config.get("QUARKUS_LIQUIBASE_MIGRATE_AT_START"));

        Deployment deployment = only(docs, Deployment.class);
        Job job = only(docs, Job.class);
        Map<String, String> jobEnv = new LinkedHashMap<>();
        job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> jobEnv.put(e.getName(), e.getValue()));
        assertEquals("true", jobEnv.get("QUARKUS_INIT_AND_EXIT"));
        assertEquals("true", jobEnv.get("QUARKUS_LIQUIBASE_MIGRATE_AT_START"));
        assertTrue(jobEnv.get("JAVA_OPTS_APPEND").contains("-Dliquibase.changelogLockWaitTimeInMinutes="));
        assertEquals(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(), "the Job runs the same image");

        for (PodSpec pod : List.of(deployment.getSpec().getTemplate().getSpec(), job.getSpec().getTemplate().getSpec())) {
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
            for (Container c : pod.getContainers()) {
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
                assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")));
            }
            assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null));
        }

        // the HPA owns the count: a replicas field would scale a scaled-out Deployment back on every apply
        org.junit.jupiter.api.Assertions.assertNull(deployment.getSpec().getReplicas(), "the Deployment leaves replicas to the HPA");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertTrue(pod.getVolumes().stream().allMatch(v -> v.getEmptyDir() == null || v.getEmptyDir().getSizeLimit() != null),
                "an emptyDir has a size limit");
        long preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
        long shutdown = Long.parseLong(config.get("QUARKUS_SHUTDOWN_TIMEOUT").replace("s", ""));
        assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + 5 + shutdown,
                "terminationGracePeriodSeconds covers preStop + shutdown delay + shutdown timeout");
        assertFalse(pod.getTopologySpreadConstraints().isEmpty());
        assertEquals(1, only(docs, PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal());
        HorizontalPodAutoscaler hpa = only(docs, HorizontalPodAutoscaler.class);
        assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
        // the rate limits are the deployment's budget, shared among as many pods as the HPA may run (RateLimits)
        assertEquals(String.valueOf(hpa.getSpec().getMaxReplicas()), config.get("RD_RATE_LIMIT_INSTANCES"),
                "RD_RATE_LIMIT_INSTANCES equals the HPA's maxReplicas");
        assertTrue(docs.stream().filter(d -> "NetworkPolicy".equals(d.get("kind"))).count() >= 1);
    }
}
