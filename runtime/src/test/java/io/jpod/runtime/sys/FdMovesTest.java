package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class FdMovesTest {

    /** Applies the moves as the child would, to a table of which object each fd holds. */
    private static Map<Integer, String> apply(FdMoves moves, Map<Integer, String> table) {
        Map<Integer, String> child = new HashMap<>(table);
        for (FdMoves.Move m : moves.moves()) {
            child.put(m.to(), child.get(m.from()));
        }
        child.keySet().removeIf(fd -> fd >= moves.closeFrom());
        return child;
    }

    @Test
    void sourcesAlreadyInPlaceStayAndTheExtraFollows() {
        FdMoves moves = FdMoves.of(List.of(3, 4), 9);
        Map<Integer, String> child =
                apply(moves, Map.of(3, "web", 4, "admin", 9, "sync", 7, "jvm"));
        assertEquals(Map.of(3, "web", 4, "admin", 5, "sync"), child);
        assertEquals(6, moves.closeFrom());
    }

    @Test
    void swappedAndOverlappingSourcesAreNotLost() {
        // 4 to 3 and 3 to 4, and the extra at 5, where a source's copy is due
        Map<Integer, String> table = Map.of(3, "a", 4, "b", 5, "sync");
        assertEquals(Map.of(3, "b", 4, "a", 5, "sync"), apply(FdMoves.of(List.of(4, 3), 5), table));
        // a source at the extra's target
        Map<Integer, String> high = Map.of(3, "x", 5, "y", 4, "sync");
        assertEquals(Map.of(3, "y", 4, "x", 5, "sync"), apply(FdMoves.of(List.of(5, 3), 4), high));
    }

    @Test
    void noSourcesPutTheExtraAtThree() {
        FdMoves moves = FdMoves.of(List.of(), 12);
        assertEquals(Map.of(3, "sync"), apply(moves, Map.of(12, "sync", 3, "jvm")));
        assertEquals(4, moves.closeFrom());
    }
}
