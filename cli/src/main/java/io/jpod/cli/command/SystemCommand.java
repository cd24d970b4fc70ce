package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.DiskUsageView;
import io.jpod.cli.output.Table;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.DiskUsage;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.SystemPrune;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod system df|prune|reset}. */
@Command(
        name = "system",
        description = "Manage jpod's storage.",
        subcommands = {
            SystemCommand.Df.class,
            SystemCommand.Prune.class,
            SystemCommand.Reset.class
        },
        footer = {"Examples:", "  jpod system df", "  jpod system prune -f", "  jpod system reset"})
public final class SystemCommand {

    /** {@code jpod system df}. */
    @Command(
            name = "df",
            description =
                    "Show the space images, containers and volumes take, and what removing the"
                            + " unused ones would give back.",
            footer = {"Examples:", "  jpod system df"})
    public static final class Df implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Table table = new Table("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE");
            for (DiskUsage.Kind k : Engine.open(System.getenv()).diskUsage()) {
                table.row(
                        k.type(),
                        Integer.toString(k.total()),
                        Integer.toString(k.active()),
                        DiskUsageView.size(k.size()),
                        DiskUsageView.reclaimable(k.reclaimable(), k.size()));
            }
            table.print(System.out);
            return ExitCodes.OK;
        }
    }

    /** {@code jpod system prune [-a] [--volumes] [-f]}. */
    @Command(
            name = "prune",
            description =
                    "Remove pods of which no container runs, images without a name (-a: every"
                            + " unused image) and, with --volumes, volumes no pod holds. Asks"
                            + " first unless --force.",
            footer = {"Examples:", "  jpod system prune", "  jpod system prune -a --volumes -f"})
    public static final class Prune implements Callable<Integer> {
        @Option(
                names = {"-a", "--all"},
                description = "Every unused image, not only those without a name.")
        boolean all;

        @Option(names = "--volumes", description = "Volumes no pod holds too.")
        boolean volumes;

        @Mixin Confirmation confirmation;

        @Override
        public Integer call() throws Exception {
            if (!confirmation.granted(
                    "WARNING! This command removes:\n"
                            + "\t- all pods with no running container\n"
                            + (all
                                    ? "\t- all images not used by a pod\n"
                                    : "\t- all dangling images\n")
                            + (volumes ? "\t- all volumes not used by a pod\n" : ""))) {
                return ExitCodes.OK;
            }
            SystemPrune.Selection removed = Engine.open(System.getenv()).prune(all, volumes);
            section("Deleted Pods", removed.pods().stream().map(PodRecord::id).toList());
            section("Deleted Images", removed.images().stream().map(Image::hexId).toList());
            section("Deleted Volumes", removed.volumes());
            long reclaimed = removed.images().stream().mapToLong(Image::size).sum();
            System.out.println("Total reclaimed space: " + DiskUsageView.size(reclaimed));
            return ExitCodes.OK;
        }

        private static void section(String title, List<String> lines) {
            if (!lines.isEmpty()) {
                System.out.println(title);
                lines.forEach(System.out::println);
            }
        }
    }

    /** {@code jpod system reset [-f]}. */
    @Command(
            name = "reset",
            description =
                    "Remove every pod (at once), image and volume, and everything else jpod keeps"
                            + " for you. Asks first unless --force.",
            footer = {"Examples:", "  jpod system reset", "  jpod system reset -f"})
    public static final class Reset implements Callable<Integer> {
        @Mixin Confirmation confirmation;

        @Override
        public Integer call() throws Exception {
            if (!confirmation.granted(
                    "WARNING! This will remove:\n"
                            + "\t- all pods and their containers\n"
                            + "\t- all images\n"
                            + "\t- all volumes")) {
                return ExitCodes.OK;
            }
            Engine.open(System.getenv()).reset();
            return ExitCodes.OK;
        }
    }
}
