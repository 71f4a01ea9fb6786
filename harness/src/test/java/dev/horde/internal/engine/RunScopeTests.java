package dev.horde.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RunScopeTests {

    /** Types with an instance each; their creations ask for one another as the HTTP transport asks for metrics. */
    private static final List<Supplier<Object>> INSTANCES = List.of(() -> "text", () -> 1, () -> 2L, () -> 3.0,
            () -> 4f, () -> (short) 5, () -> (byte) 6, () -> 'c', () -> true, StringBuilder::new, ArrayList::new,
            HashMap::new, LinkedList::new, TreeMap::new, HashSet::new, TreeSet::new, ArrayDeque::new, Object::new);

    @Test
    void aSharedInstanceMayAskForAnotherWhileItIsCreated() {
        RunScope scope = new RunScope(10, Duration.ofSeconds(1), null, dev.horde.internal.plan.NamedTargets.NONE);

        Object first = chain(scope, 0);

        assertThat(first).isEqualTo("text");
        for (Supplier<Object> instance : INSTANCES) {
            Class<?> type = instance.get().getClass();
            assertThat(scope.shared(type, s -> {
                throw new AssertionError(type + " was created twice");
            })).isNotNull();
        }
    }

    @Test
    void closingClosesEveryCloseableNewestFirstAndNothingIsSharedAfterwards() {
        RunScope scope = new RunScope(10, Duration.ofSeconds(1), null, dev.horde.internal.plan.NamedTargets.NONE);
        List<String> closed = new ArrayList<>();
        scope.shared(Outer.class, s -> {
            s.shared(Inner.class, t -> new Inner(closed));
            return new Outer(closed);
        });

        scope.close();

        assertThat(closed).containsExactly("outer", "inner");
        assertThatThrownBy(() -> scope.shared(StringBuilder.class, s -> new StringBuilder()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the run has ended: no new StringBuilder");
    }

    @SuppressWarnings("unchecked")
    private static Object chain(RunScope scope, int index) {
        Object instance = INSTANCES.get(index).get();
        Class<Object> type = (Class<Object>) instance.getClass();
        return scope.shared(type, s -> {
            if (index + 1 < INSTANCES.size()) {
                chain(s, index + 1);
            }
            return instance;
        });
    }

    private record Outer(List<String> closed) implements AutoCloseable {
        @Override
        public void close() {
            closed.add("outer");
        }
    }

    private record Inner(List<String> closed) implements AutoCloseable {
        @Override
        public void close() {
            closed.add("inner");
        }
    }
}
