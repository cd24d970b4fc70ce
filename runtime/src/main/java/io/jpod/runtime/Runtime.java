package io.jpod.runtime;

import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.host.CgroupMode;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.net.NetnsFile;
import io.jpod.runtime.net.Pasta;
import io.jpod.runtime.net.Slirp4netns;
import io.jpod.runtime.oci.Conmon;
import io.jpod.runtime.oci.OciRuntime;
import io.jpod.runtime.oci.RuntimeChoice;
import io.jpod.runtime.state.StateStore;
import io.jpod.runtime.storage.Overlay;
import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.volume.VolumeStore;

import java.nio.file.Path;
import java.util.Map;

/**
 * The parts of jpod's runtime, wired once per invocation. Nothing here starts a process: helpers
 * are only run by the operation that needs them, so read-only commands stay cheap.
 */
public record Runtime(
        HostLayout layout,
        Processes processes,
        CgroupMode cgroups,
        RuntimeChoice runtimeChoice,
        Catatonit catatonit,
        OciRuntime oci,
        Conmon conmon,
        Overlay overlay,
        NetnsFile netns,
        Slirp4netns slirp,
        Pasta pasta,
        StateStore state,
        ImageStore images,
        VolumeStore volumes) {

    public static Runtime open(Map<String, String> env) {
        HostLayout layout = HostLayout.detect(env);
        Processes processes = new HostProcesses();
        CgroupMode cgroups = CgroupMode.detect();
        RuntimeChoice choice = RuntimeChoice.choose(cgroups, env.get("JPOD_RUNTIME"));
        OciRuntime oci =
                new OciRuntime(choice.name(), choice.binary(), layout.runcRoot(), processes);
        StateStore state = new StateStore(layout.state());
        return new Runtime(
                layout,
                processes,
                cgroups,
                choice,
                Catatonit.find(),
                oci,
                new Conmon(
                        Path.of(env.getOrDefault("JPOD_CONMON", "/usr/bin/conmon")),
                        oci,
                        processes),
                new Overlay(processes, layout.rootless()),
                new NetnsFile(processes),
                new Slirp4netns(processes),
                new Pasta(processes),
                state,
                new ImageStore(layout.images()),
                new VolumeStore(layout.volumes()));
    }
}
