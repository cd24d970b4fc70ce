package io.jpod.runtime.image.layer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A tar entry name made relative to the layer root and normalised lexically: a leading {@code /} is
 * dropped (as Docker does), {@code .} and empty components vanish, {@code ..} may not climb above
 * the root.
 */
record LayerPath(List<String> components) {

    static LayerPath parse(String name) throws LayerException {
        if (name.indexOf('\0') >= 0) {
            throw new LayerException(
                    "layer entry " + printable(name) + " has a NUL byte in its name");
        }
        Deque<String> stack = new ArrayDeque<>();
        for (String part : name.split("/")) {
            switch (part) {
                case "", "." -> {}
                case ".." -> {
                    if (stack.isEmpty()) {
                        throw new LayerException(
                                "layer entry " + printable(name) + " points outside the layer");
                    }
                    stack.removeLast();
                }
                default -> stack.addLast(part);
            }
        }
        return new LayerPath(List.copyOf(stack));
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    String fileName() {
        return components.getLast();
    }

    List<String> parents() {
        return components.subList(0, components.size() - 1);
    }

    Path under(Path root) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }
}
