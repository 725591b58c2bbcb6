package dev.reelwright.core.spi;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a {@link ClipChain} as one clip, streaming its parts one after another through the other decoders; only
 * the part being read is open.
 */
public final class ChainClipDecoder implements ClipDecoder {
    private final List<ClipDecoder> parts;

    public ChainClipDecoder(List<ClipDecoder> partDecoders) {
        this.parts = List.copyOf(partDecoders);
    }

    /** {@code decoders} with a chain decoder in front, unless one is there already. */
    public static List<ClipDecoder> withChains(List<ClipDecoder> decoders) {
        if (decoders.stream().anyMatch(d -> d instanceof ChainClipDecoder)) return List.copyOf(decoders);
        List<ClipDecoder> all = new ArrayList<>();
        all.add(new ChainClipDecoder(decoders));
        all.addAll(decoders);
        return List.copyOf(all);
    }

    @Override
    public boolean accepts(Path clip) {
        return ClipChain.isChain(clip);
    }

    @Override
    public FrameSource open(Path clip, VideoFormat format) {
        ClipChain chain = ClipChain.read(clip);
        List<Path> files = chain.files(clip);
        List<ClipDecoder> chosen = new ArrayList<>();
        for (Path file : files) {
            chosen.add(ClipDecoder.first(parts, file).orElseThrow(() -> new ReelwrightException("no decoder can open chained clip part " + file)));
        }
        return new ChainSource(chain, files, chosen, format);
    }

    private static final class ChainSource implements FrameSource {
        private final ClipChain chain;
        private final List<Path> files;
        private final List<ClipDecoder> decoders;
        private final VideoFormat format;
        private int openPart = -1;
        private FrameSource open;

        ChainSource(ClipChain chain, List<Path> files, List<ClipDecoder> decoders, VideoFormat format) {
            this.chain = chain;
            this.files = files;
            this.decoders = decoders;
            this.format = format;
        }

        @Override
        public int frameCount() {
            return chain.totalFrames();
        }

        @Override
        public void read(int index, int[] rgb) {
            int local = Math.max(0, Math.min(index, frameCount() - 1));
            int part = 0;
            while (part < chain.frames().size() - 1 && local >= chain.frames().get(part)) local -= chain.frames().get(part++);
            local = Math.min(local, chain.frames().get(part) - 1);
            if (part != openPart) {
                if (part < openPart) throw new IllegalStateException("chained clips are read front to back");
                if (open != null) open.close();
                open = decoders.get(part).open(files.get(part), format);
                openPart = part;
            }
            open.read(local + ClipChain.skipped(part), rgb);
        }

        @Override
        public void close() {
            if (open != null) open.close();
            open = null;
        }
    }
}
