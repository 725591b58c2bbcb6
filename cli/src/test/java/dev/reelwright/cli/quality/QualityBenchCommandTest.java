package dev.reelwright.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.cli.command.QualityBenchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelwright bench quality} on one seed per case: the per-artifact table and the summary lines. */
class QualityBenchCommandTest {
    @Tag("slow")
    @Test
    void printsThePerArtifactTable(@TempDir Path keep) {
        QualityCli result = QualityCli.run(new QualityBenchCommand(), "--seeds", "1", "--no-1080p", "--keep", keep.resolve("set").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("artifact", "AUC (medium)", "recall weak", "recall medium", "recall strong");
        assertThat(result.out()).contains("flicker", "teleportation", "morphing", "ghost_limbs", "text_corruption", "subject_drift");
        assertThat(result.out()).contains("subject_drift without a reference", "subject_drift across clips");
        assertThat(result.out()).contains("false rejection of clean clips", "frames/s", "targets:");
        assertThat(keep.resolve("set")).isDirectory();
        assertThat(Files.exists(keep.resolve("set/clean-pan-shapes-1.mp4"))).isTrue();
        assertThat(Files.exists(keep.resolve("set/clean-pan-shapes-1-reference.png"))).isTrue();
    }

    @Test
    void rejectsAnAbsurdSeedCount() {
        QualityCli result = QualityCli.run(new QualityBenchCommand(), "--seeds", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--seeds");
    }
}
