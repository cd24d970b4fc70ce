package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.cli.format.GoData;
import io.jpod.cli.output.Table;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.volume.VolumeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code jpod volume ls|inspect|create|rm}: the named volumes behind persistentVolumeClaims. */
@Command(
        name = "volume",
        description = "Manage named volumes (persistentVolumeClaims).",
        subcommands = {
            VolumeCommand.Ls.class,
            VolumeCommand.Inspect.class,
            VolumeCommand.Create.class,
            VolumeCommand.Rm.class,
            VolumeCommand.Prune.class
        },
        footer = {
            "Examples:",
            "  jpod volume ls",
            "  jpod volume create data",
            "  jpod volume inspect data",
            "  jpod volume rm data"
        })
public final class VolumeCommand {

    /** {@code jpod volume ls}. */
    @Command(
            name = "ls",
            aliases = "list",
            description = "List volumes.",
            footer = {
                "Examples:",
                "  jpod volume ls",
                "  jpod volume ls -q",
                "  jpod volume ls --filter label=app=web --format '{{.Name}}'"
            })
    public static final class Ls implements Callable<Integer> {
        @Option(
                names = {"-q", "--quiet"},
                description = "Print volume names only.")
        boolean quiet;

        @Option(
                names = {"-f", "--filter"},
                paramLabel = "KEY=VALUE",
                description = "Only volumes that match: name, label.")
        List<String> filter;

        @Mixin FormatOption format;

        @Override
        public Integer call() throws Exception {
            Filters filters = Filters.parse(filter, Set.of("name", "label"));
            List<VolumeStore.Volume> volumes = new ArrayList<>();
            for (VolumeStore.Volume v : Engine.open(System.getenv()).volumes()) {
                // volumes carry no labels yet: a label filter matches none
                if (filters.names("name", v.name()) && filters.labels(Map.of())) {
                    volumes.add(v);
                }
            }
            if (format.given() && !quiet) {
                List<Object> rows = new ArrayList<>();
                for (VolumeStore.Volume v : volumes) {
                    rows.add(GoData.of(document(v), "volumeReporter"));
                }
                format.print(
                        rows,
                        Map.of("Name", "VOLUME NAME"),
                        () -> volumes.stream().map(VolumeCommand::document).toList());
                return ExitCodes.OK;
            }
            Table table = new Table("DRIVER", "VOLUME NAME");
            for (VolumeStore.Volume v : volumes) {
                if (quiet) {
                    System.out.println(v.name());
                } else {
                    table.row("local", v.name());
                }
            }
            if (!quiet) {
                table.print(System.out);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code jpod volume inspect NAME...}. */
    @Command(
            name = "inspect",
            description = "Show volumes as JSON.",
            footer = {
                "Examples:",
                "  jpod volume inspect data",
                "  jpod volume inspect --format '{{.Mountpoint}}' data"
            })
    public static final class Inspect implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "VOLUME")
        List<String> names;

        @Option(
                names = {"-f", "--format"},
                paramLabel = "FORMAT",
                description = "Print with a Go template (`{{.Mountpoint}}`), or json.")
        String format;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            List<Object> docs = new ArrayList<>();
            int code = ExitCodes.OK;
            for (String name : names) {
                var v = engine.findVolume(name);
                if (v.isEmpty()) {
                    code = Errors.report(new JpodException("no such volume " + name));
                    continue;
                }
                docs.add(document(v.get()));
            }
            FormatOption.printDocuments(format, docs, "volume");
            return code;
        }
    }

    /** {@code jpod volume create NAME}. */
    @Command(
            name = "create",
            description = "Create a volume.",
            footer = {"Examples:", "  jpod volume create data"})
    public static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            System.out.println(Engine.open(System.getenv()).createVolume(name).name());
            return ExitCodes.OK;
        }
    }

    /** {@code jpod volume rm [-f] NAME...}. */
    @Command(
            name = "rm",
            aliases = "remove",
            description = "Remove volumes and their data.",
            footer = {"Examples:", "  jpod volume rm data", "  jpod volume rm -f data"})
    public static final class Rm implements Callable<Integer> {
        @Option(
                names = {"-f", "--force"},
                description = "Remove even while a container uses it.")
        boolean force;

        @Parameters(arity = "1..*", paramLabel = "VOLUME")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            return Targets.each(
                    names,
                    name -> {
                        engine.removeVolume(name, force);
                        return name;
                    });
        }
    }

    /** A volume with podman's keys, for inspect and {@code ls --format}. */
    static Map<String, Object> document(VolumeStore.Volume v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Name", v.name());
        doc.put("Driver", "local");
        doc.put("Mountpoint", v.mountpoint().toString());
        doc.put("CreatedAt", v.created().toString());
        doc.put("Labels", Map.of());
        doc.put("Scope", "local");
        doc.put("Options", Map.of());
        return doc;
    }

    /** {@code jpod volume prune [-f]}. */
    @Command(
            name = "prune",
            description = "Remove the volumes no pod holds. Asks first unless --force.",
            footer = {"Examples:", "  jpod volume prune", "  jpod volume prune -f"})
    public static final class Prune implements Callable<Integer> {
        @Mixin Confirmation confirmation;

        @Override
        public Integer call() throws Exception {
            if (!confirmation.granted(
                    "WARNING! This will remove all volumes not used by at least one" + " pod.")) {
                return ExitCodes.OK;
            }
            Engine.open(System.getenv()).pruneVolumes().forEach(System.out::println);
            return ExitCodes.OK;
        }
    }
}
