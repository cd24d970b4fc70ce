package io.jpod.model;

/** A probe's port: a number, or the name of one of the container's ports. */
public record PortRef(int number, String name) {
    /** The port number, looking a name up among the container's ports; 0 if the name is unknown. */
    public int resolve(ContainerModel container) {
        if (name == null) {
            return number;
        }
        return container.ports().stream()
                .filter(p -> name.equals(p.name()))
                .mapToInt(PortModel::containerPort)
                .findFirst()
                .orElse(0);
    }

    @Override
    public String toString() {
        return name == null ? Integer.toString(number) : name;
    }
}
