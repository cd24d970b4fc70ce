package io.jpod.model;

/** An enum constant as Kubernetes spells it in YAML. */
public interface Spelled {
    String spelling();

    /** The constant spelled exactly so, or null. */
    static <E extends Enum<E> & Spelled> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.spelling().equals(text)) {
                return e;
            }
        }
        return null;
    }

    /** The valid spellings, quoted, for error messages. */
    static <E extends Enum<E> & Spelled> String choices(Class<E> type) {
        StringBuilder s = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            s.append(s.isEmpty() ? "" : ", ").append('"').append(e.spelling()).append('"');
        }
        return s.toString();
    }
}
