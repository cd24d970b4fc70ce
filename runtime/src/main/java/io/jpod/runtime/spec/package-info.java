/**
 * The step from a pod's plan to a container's OCI spec, with no I/O, one class per concern as
 * podman's specgen splits it: {@link io.jpod.runtime.spec.NamespaceSpec namespaces}, {@link
 * io.jpod.runtime.spec.MountSpec mounts}, {@link io.jpod.runtime.spec.SecuritySpec security},
 * {@link io.jpod.runtime.spec.ProcessSpec process}, {@link io.jpod.runtime.spec.EtcFiles /etc
 * files}; {@link io.jpod.runtime.spec.SpecGenerator} puts them together. Its input, {@link
 * io.jpod.runtime.spec.SpecInput}, is kept in the container's record, so a spec is generated again
 * rather than read back.
 */
package io.jpod.runtime.spec;
