package io.portus.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes parsed with the fabric8 Kubernetes model: every manifest is a known kind, kustomization.yaml
 * lists them all, and the fields that matter hold: the image and its port (the application's default), probes on
 * the health groups the application serves, a non-root, read-only container with a writable /tmp, envFrom the
 * ConfigMap and Secret whose every key is a variable the application reads, PostgreSQL and S3 settings, Service,
 * Ingress and PodDisruptionBudget pointing at the pods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "Service", Service.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Ingress", Ingress.class,
            "PodDisruptionBudget", PodDisruptionBudget.class);

    final Map<Class<?>, HasMetadata> objects = new HashMap<>();
    Deployment deployment;
    Container container;
    PodSpec pod;
    ConfigMap settings;
    Secret secrets;

    @BeforeAll
    void parse() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> !f.endsWith("kustomization.yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<?, ?> raw = (Map<?, ?>) document;
                    Class<? extends HasMetadata> type = KINDS.get(String.valueOf(raw.get("kind")));
                    assertThat(type).as(file + ": kind " + raw.get("kind")).isNotNull();
                    HasMetadata object = mapper.convertValue(raw, type);
                    assertThat(objects.put(type, object)).as("one " + type.getSimpleName()).isNull();
                }
            }
        }
        deployment = get(Deployment.class);
        pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        container = pod.getContainers().getFirst();
        settings = get(ConfigMap.class);
        secrets = get(Secret.class);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DIR.resolve("kustomization.yaml")));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(DIR)) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")).forEach(files::add);
        }
        assertThat(new TreeSet<>((List<?>) kustomization.get("resources"))).isEqualTo(files);
        assertThat(objects.keySet()).containsExactlyInAnyOrderElementsOf(KINDS.values());
    }

    @Test
    void imagePortAndReplicas() {
        assertThat(container.getImage()).startsWith("portus-jvm:");
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).as("the application's default port")
                    .isEqualTo(Integer.parseInt(ApplicationVariables.get().property("server.port")));
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void probesAskTheHealthGroupsTheApplicationServes() {
        assertThat(ApplicationVariables.get().property("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(probe(container.getLivenessProbe().getHttpGet())).isEqualTo("http /actuator/health/liveness");
        assertThat(probe(container.getStartupProbe().getHttpGet())).isEqualTo("http /actuator/health/liveness");
        assertThat(probe(container.getReadinessProbe().getHttpGet())).isEqualTo("http /actuator/health/readiness");
    }

    @Test
    void nonRootReadOnlyWithAWritableTmp() {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var security = container.getSecurityContext();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(volumeAt("/tmp").getEmptyDir()).as("/tmp").isNotNull();
        assertThat(volumeAt(settings.getData().get("PORTUS_DATA_DIR")).getEmptyDir()).as("the data dir").isNotNull();
        String keyDir = Path.of(settings.getData().get("PORTUS_ENCRYPTION_PRIVATE_KEY_PATH")).getParent().toString();
        assertThat(volumeAt(keyDir).getSecret().getSecretName()).isEqualTo("portus-token");
    }

    @Test
    void everySettingIsAVariableTheApplicationReads() {
        assertThat(container.getEnvFrom()).hasSize(2);
        assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo(settings.getMetadata().getName());
        assertThat(container.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo(secrets.getMetadata().getName());
        List<String> names = new ArrayList<>(settings.getData().keySet());
        names.addAll(secrets.getStringData().keySet());
        if (container.getEnv() != null) {
            container.getEnv().forEach(e -> names.add(e.getName()));
        }
        assertThat(ApplicationVariables.get().unread(names)).isEmpty();
        assertThat(ApplicationVariables.get().unread(List.of("PORTUS_NO_SUCH_SETTING", "NO_SUCH_VARIABLE")))
                .as("the check can fail").containsExactly("NO_SUCH_VARIABLE", "PORTUS_NO_SUCH_SETTING");
    }

    @Test
    void severalInstancesOnPostgresqlAndS3() {
        Map<String, String> data = settings.getData();
        assertThat(data).containsEntry("PORTUS_DB_ADAPTER", "postgresql").containsEntry("REGISTRY_STORAGE", "s3")
                .containsKeys("PORTUS_DB_HOST", "REGISTRY_STORAGE_S3_BUCKET", "REGISTRY_STORAGE_S3_REGIONENDPOINT",
                        "PORTUS_MACHINE_FQDN", "REGISTRY_AUTH_TOKEN_SERVICE");
        assertThat(secrets.getStringData()).containsKeys("PORTUS_DB_PASSWORD", "PORTUS_SECRET_KEY_BASE",
                "REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY");
        Duration shutdown = DurationStyle.detectAndParse(data.get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(pod.getTerminationGracePeriodSeconds()).as("graceful shutdown fits in the grace period")
                .isGreaterThan(shutdown.toSeconds() + preStop);
    }

    @Test
    void serviceIngressAndBudgetPointAtThePods() {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
        Service service = get(Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(labels);
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
        Ingress ingress = get(Ingress.class);
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "0")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering", "off");
        IngressBackend backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend();
        assertThat(backend.getService().getName()).isEqualTo(service.getMetadata().getName());
        assertThat(backend.getService().getPort().getName()).isEqualTo(service.getSpec().getPorts().getFirst().getName());
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo(settings.getData().get("PORTUS_MACHINE_FQDN"));
        PodDisruptionBudget pdb = get(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isBetween(1, deployment.getSpec().getReplicas() - 1);
    }

    private <T extends HasMetadata> T get(Class<T> type) {
        return type.cast(objects.get(type));
    }

    private static String probe(HTTPGetAction get) {
        return get.getPort().getStrVal() + " " + get.getPath();
    }

    private Volume volumeAt(String path) {
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
        return pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
    }
}
