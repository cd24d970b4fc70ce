package io.jpod.runtime.sys;

import java.util.ArrayList;
import java.util.List;

/**
 * The dup2 calls that put a child's inherited descriptors where it expects them: {@code sources} at
 * 3, 4, ... in order, then {@code extra} right after them. The calls run one after the other in the
 * child, where a move onto a descriptor that a later move still reads would lose it (3 and 4
 * swapped, say); so every source first goes above all of them, then down into place. dup2 leaves
 * the copy without close-on-exec, which is what passes it on.
 *
 * @param moves {@code from, to} pairs, in the order to apply them
 * @param closeFrom the first descriptor the child must not keep: everything from it up is closed
 */
public record FdMoves(List<Move> moves, int closeFrom) {

    /** The first descriptor after stdin, stdout and stderr. */
    public static final int FIRST = 3;

    public record Move(int from, int to) {}

    public FdMoves {
        moves = List.copyOf(moves);
    }

    /** The moves for {@code sources} at 3.. and {@code extra} after them. */
    public static FdMoves of(List<Integer> sources, int extra) {
        List<Integer> all = new ArrayList<>(sources);
        all.add(extra);
        int parked = FIRST + all.size();
        for (int fd : all) {
            parked = Math.max(parked, fd + 1);
        }
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            moves.add(new Move(all.get(i), parked + i));
        }
        for (int i = 0; i < all.size(); i++) {
            moves.add(new Move(parked + i, FIRST + i));
        }
        return new FdMoves(moves, FIRST + all.size());
    }
}
