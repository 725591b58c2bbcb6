package dev.reelwright.core.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Content-addressed step outputs, like a build tool: a step's folder is named by the SHA-256 of its kind and
 * inputs, so the same inputs never run (or pay) twice and an edit re-runs only the steps it touches.
 * A step writes into a private temporary folder that is renamed into place only when complete, so a killed
 * run leaves no half-finished output that a later run could mistake for a result.
 */
public final class StepCache {
    private static final String RESULT = "result.json";
    /** Canonical JSON for hashing: sorted keys, so field order never changes a hash. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path root;

    public StepCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The hash that names a step with these inputs. */
    public static String hash(String kind, Object inputs) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(inputs);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical);
            return HexFormat.of().formatHex(sha.digest());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new ReelwrightException("cannot hash the inputs of a " + kind + " step", e);
        }
    }

    /**
     * Returns the cached result of the step, or runs {@code produce} in an empty folder and stores its result.
     * {@code produce} returns a record describing what it wrote (file names relative to the folder).
     */
    public <T> StepResult<T> run(String kind, Object inputs, Class<T> resultType, Function<Path, T> produce) {
        String hash = hash(kind, inputs);
        Path folder = folder(kind, hash);
        Path result = folder.resolve(RESULT);
        long started = System.nanoTime();
        if (Files.isRegularFile(result)) {
            try {
                T value = Json.json().readValue(result.toFile(), resultType);
                return new StepResult<>(kind, hash, folder, value, true, seconds(started));
            } catch (IOException e) {
                // A damaged result is treated as missing: the step runs again and replaces it.
                delete(folder);
            }
        }
        Path temp = folder.resolveSibling("." + hash + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(temp);
            T value = produce.apply(temp);
            Json.write(temp.resolve(RESULT), value);
            try {
                Files.createDirectories(folder.getParent());
                AtomicFiles.move(temp, folder);
            } catch (IOException e) {
                if (!Files.isRegularFile(result)) throw e; // another run finished the same step first: keep theirs
            }
            return new StepResult<>(kind, hash, folder, value, false, seconds(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a " + kind + " step in " + root, e);
        } finally {
            delete(temp);
        }
    }

    /** The SHA-256 of a file's bytes, for steps whose input is a file the user may change in place. */
    public static String fileHash(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) sha.update(buffer, 0, read);
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ReelwrightException("cannot read " + file, e);
        }
    }

    private Path folder(String kind, String hash) {
        return root.resolve(kind).resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // leftovers of a failed step are harmless: they are never named like a finished one
        }
    }
}
