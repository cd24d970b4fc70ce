package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * {@code application/vnd.oci.image.config.v1+json}: the image config, whose digest is the image id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigFile(
        String created,
        String architecture,
        String os,
        ContainerConfig config,
        RootFs rootfs,
        List<History> history) {

    /** The defaults of a container; Docker's capitalised field names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerConfig(
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") String stopSignal) {

        public ContainerConfig(
                String user,
                Map<String, Map<String, Object>> exposedPorts,
                List<String> env,
                List<String> entrypoint,
                List<String> cmd,
                String workingDir,
                Map<String, String> labels) {
            this(user, exposedPorts, env, entrypoint, cmd, workingDir, labels, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(
            String created,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("empty_layer") Boolean emptyLayer) {}

    public List<String> diffIds() {
        return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
    }
}
