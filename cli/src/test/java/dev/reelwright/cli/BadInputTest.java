package dev.reelwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one line that names the file (and line:column for YAML/JSON), and writes nothing. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertRejected(CliRunner result, String expectedMessagePart) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst().orElse("")).startsWith("reelwright: ").contains(expectedMessagePart);
        assertThat(result.err().lines().count()).isLessThanOrEqualTo(2);
        assertThat(dir.resolve("out/report.json")).doesNotExist();
        assertThat(dir.resolve("out/video.mp4")).doesNotExist();
    }

    private CliRunner make(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "make";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[extra.length + 1] = "--out";
        args[extra.length + 2] = dir.resolve("out").toString();
        return CliRunner.run(args);
    }

    @Test
    void missingScript() {
        Path missing = dir.resolve("nope.md");
        assertRejected(make(missing.toString()), missing + ": no such file");
    }

    @Test
    void emptyScript() throws IOException {
        Path script = write("empty.md", "\n  \n");
        assertRejected(make(script.toString()), script + ": the script is empty");
    }

    @Test
    void scriptWithNoWords() throws IOException {
        Path script = write("dots.md", "...\n\n***\n\n!!!\n");
        assertRejected(make(script.toString()), script + ": the script has no words");
    }

    @Test
    void invalidYaml() throws IOException {
        Path script = write("s.md", "Hello there.\n");
        Path spec = write("production.yaml", "title: Demo\naspect: [16:9\n");
        assertRejected(make(script.toString(), "--spec", spec.toString()), spec + ":");
    }

    @Test
    void unknownKeyInSpec() throws IOException {
        Path script = write("s.md", "Hello there.\n");
        Path spec = write("production.yaml", "title: Demo\n\nresolutoin: 1080p\n");
        assertRejected(make(script.toString(), "--spec", spec.toString()), spec + ":3:1: unknown key 'resolutoin'");
    }

    @Test
    void badAspectOnTheCommandLineAndInTheSpec() throws IOException {
        Path script = write("s.md", "Hello there.\n");
        assertRejected(make(script.toString(), "--aspect", "4:3x"), "aspect '4:3x' is not one of 16:9, 9:16, 1:1");
        Path spec = write("production.yaml", "aspect: 4:3x\n");
        assertRejected(make(script.toString(), "--spec", spec.toString()), spec + ":1:");
    }

    @Test
    void brokenStoryboardNamesLineAndColumn() throws IOException {
        Path storyboard = write("storyboard.json", "{\n  \"version\": 1,\n  \"scenes\": [ {\"id\": \"a\", \"seconds\": \"soon\"} ]\n}\n");
        CliRunner result = make(storyboard.toString());
        assertRejected(result, storyboard + ":3:");
    }

    @Test
    void helpTeachesAndVersionAnswers() {
        CliRunner help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("plan", "estimate", "make", "Exit codes");
        CliRunner makeHelp = CliRunner.run("make", "--help");
        assertThat(makeHelp.out()).contains("--aspect", "--spec", "--out", "--quiet", "--json", "report.json");
        assertThat(CliRunner.run("--version").out()).startsWith("reelwright ");
        assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(2);
    }
}
