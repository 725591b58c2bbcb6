package dev.reelwright.core.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCacheTest {
    record Written(String file) {}

    @TempDir
    Path root;

    private StepResult<Written> run(StepCache cache, Object inputs, AtomicInteger runs) {
        return cache.run("thing", inputs, Written.class, folder -> {
            runs.incrementAndGet();
            try {
                Files.writeString(folder.resolve("out.txt"), inputs.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Written("out.txt");
        });
    }

    @Test
    void sameInputsRunOnceAndDifferentInputsRunAgain() throws IOException {
        var cache = new StepCache(root);
        var runs = new AtomicInteger();
        StepResult<Written> first = run(cache, Map.of("a", 1, "b", "x"), runs);
        StepResult<Written> again = run(cache, Map.of("b", "x", "a", 1), runs);
        StepResult<Written> other = run(cache, Map.of("a", 2, "b", "x"), runs);
        assertThat(runs).hasValue(2);
        assertThat(first.reused()).isFalse();
        assertThat(again.reused()).isTrue();
        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(other.hash()).isNotEqualTo(first.hash());
        assertThat(Files.readString(again.file("out.txt"))).isEqualTo(Map.of("a", 1, "b", "x").toString());
    }

    @Test
    void aFailedStepLeavesNothingThatLooksFinished() throws IOException {
        var cache = new StepCache(root);
        assertThatThrownBy(() -> cache.run("thing", Map.of("a", 1), Written.class, folder -> {
            throw new IllegalStateException("generator crashed");
        })).hasMessage("generator crashed");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        var runs = new AtomicInteger();
        assertThat(run(cache, Map.of("a", 1), runs).reused()).isFalse();
        assertThat(runs).hasValue(1);
    }
}
