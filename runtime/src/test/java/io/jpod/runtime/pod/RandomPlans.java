package io.jpod.runtime.pod;

import io.jpod.runtime.pod.ContainerPlan.Confinement;
import io.jpod.runtime.pod.ContainerPlan.MountPlan;
import io.jpod.runtime.pod.ContainerPlan.Propagation;
import io.jpod.runtime.probe.ContainerProbes;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.state.PortMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Plans with every part set or unset at random, from a seed: values at their defaults (null, empty,
 * 0, false) often, text with what JSON escapes or encodes specially (quotes, control characters,
 * accents, surrogate pairs).
 */
final class RandomPlans {

    private static final String[] WORDS = {
        "",
        "a",
        "web",
        "TERM",
        "KILL",
        "/data",
        "app.conf",
        "k=v",
        "x y",
        "é",
        "日本",
        "\uD83D\uDE00",
        "q\"uote",
        "back\\slash",
        "line\nfeed",
        "tab\t",
        "\u0001\u001F\u007F",
        "\b\f\r",
        "</script>",
        "Localhost/p.json",
        "RuntimeDefault",
        "sha256:" + "ab".repeat(32)
    };

    private final Random random;

    RandomPlans(long seed) {
        random = new Random(seed);
    }

    PodPlan plan() {
        List<ContainerPlan> containers = list(this::container, 3);
        return new PodPlan(
                text(),
                maybe(this::text),
                map(),
                number(),
                maybe(this::text),
                maybe(() -> pick(PodPlan.NetworkMode.values())),
                random.nextBoolean(),
                list(this::port, 3),
                list(() -> new PodPlan.HostEntry(maybe(this::text), texts()), 2),
                texts(),
                texts(),
                list(this::volume, 4),
                containers,
                list(this::container, 2),
                maybe(this::text),
                random.nextBoolean(),
                maybe(this::security));
    }

    private PodPlan.PodSecurity security() {
        return new PodPlan.PodSecurity(
                maybe(() -> (long) small()),
                list(() -> (long) small(), 3),
                map(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean());
    }

    private PortMapping port() {
        return new PortMapping(maybe(this::text), maybe(this::text), small(), small());
    }

    private VolumePlan volume() {
        return switch (random.nextInt(4)) {
            case 0 ->
                    new VolumePlan.HostPath(
                            maybe(this::text),
                            maybe(this::text),
                            maybe(() -> pick(VolumePlan.HostPath.Create.values())));
            case 1 -> new VolumePlan.EmptyDir(maybe(this::text), random.nextBoolean());
            case 2 -> new VolumePlan.Files(maybe(this::text), list(this::file, 3));
            default -> new VolumePlan.Named(maybe(this::text), maybe(this::text));
        };
    }

    private VolumePlan.FileEntry file() {
        byte[] content = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(40)];
        random.nextBytes(content);
        return new VolumePlan.FileEntry(
                maybe(this::text), content, random.nextInt(3) == 0 ? 0 : 0644);
    }

    private ContainerPlan container() {
        List<String> env = list(() -> text() + "=" + text(), 4);
        List<String> secretEnv = new ArrayList<>();
        for (String e : env) {
            if (random.nextBoolean()) {
                secretEnv.add(e.substring(0, e.indexOf('=')));
            }
        }
        return new ContainerPlan(
                text(),
                maybe(this::text),
                maybe(this::text),
                texts(),
                env,
                maybe(this::text),
                maybe(this::text),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                texts(),
                texts(),
                list(this::mount, 3),
                random.nextBoolean() ? secretEnv : List.of("NOT_IN_ENV"),
                maybe(
                        () ->
                                new ContainerProbes(
                                        maybe(this::probe),
                                        maybe(this::probe),
                                        maybe(this::probe))),
                maybe(
                        () ->
                                new Confinement(
                                        maybe(this::text),
                                        maybe(this::text),
                                        random.nextBoolean())),
                maybe(this::life));
    }

    private MountPlan mount() {
        return new MountPlan(
                maybe(this::text),
                maybe(this::text),
                maybe(this::text),
                random.nextBoolean(),
                maybe(() -> pick(Propagation.values())));
    }

    private LifePlan life() {
        return new LifePlan(
                maybe(this::hook),
                maybe(this::hook),
                maybe(this::text),
                maybe(this::text),
                random.nextBoolean(),
                random.nextBoolean());
    }

    private LifePlan.Hook hook() {
        return new LifePlan.Hook(maybe(this::texts), number(), maybe(this::httpGet));
    }

    private ProbePlan probe() {
        ProbePlan.Action action =
                switch (random.nextInt(4)) {
                    case 0 -> new ProbePlan.Action.Exec(texts());
                    case 1 -> httpGet();
                    case 2 -> new ProbePlan.Action.TcpSocket(maybe(this::text), small());
                    default -> new ProbePlan.Action.Grpc(small(), maybe(this::text));
                };
        return new ProbePlan(
                maybe(() -> action),
                small(),
                small(),
                small(),
                small(),
                small(),
                maybe(() -> number()));
    }

    private ProbePlan.Action.HttpGet httpGet() {
        return new ProbePlan.Action.HttpGet(
                maybe(this::text),
                maybe(this::text),
                small(),
                maybe(this::text),
                maybe(
                        () ->
                                list(
                                        () ->
                                                new ProbePlan.Header(
                                                        maybe(this::text), maybe(this::text)),
                                        2)));
    }

    private String text() {
        return random.nextInt(4) == 0
                ? pick(WORDS) + pick(WORDS)
                : pick(WORDS).isEmpty() ? "" : "w" + random.nextInt(1000);
    }

    private List<String> texts() {
        return list(this::text, 3);
    }

    private Map<String, String> map() {
        Map<String, String> m = new HashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(text(), text());
        }
        return m;
    }

    private int small() {
        return random.nextInt(3) == 0 ? 0 : random.nextInt(70000) - 100;
    }

    private long number() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE;
            case 2 -> -random.nextInt(100);
            default -> random.nextInt(1000);
        };
    }

    private <T> List<T> list(Supplier<T> item, int most) {
        int n = random.nextInt(most + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextInt(4) == 0 ? null : value.get();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
