package dev.reelwright.core.script;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.script.Script.ScriptScene;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Markdown or plain-text script. A leading {@code # Title} names the production; every {@code #}/{@code ##}
 * heading and every blank-line-separated paragraph starts a scene; a paragraph is narration; a line
 * {@code [visual: ...]} or {@code > ...} describes what the scene shows.
 */
public final class ScriptParser {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern VISUAL = Pattern.compile("^\\[\\s*visual\\s*:\\s*(.*?)\\s*]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE = Pattern.compile("^>\\s?(.*)$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern LIST_MARK = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private ScriptParser() {}

    public static Script parse(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "no such file");
        } catch (CharacterCodingException e) {
            throw InputException.in(file, "not a UTF-8 text file");
        } catch (IOException e) {
            throw InputException.in(file, "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static Script parse(Path file, String text) {
        if (text.isBlank()) throw InputException.in(file, "the script is empty");
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var builder = new Builder();
        String title = null;
        boolean seenContent = false;
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence; // code blocks are notes, not narration
                builder.endParagraph();
                continue;
            }
            if (inFence || line.startsWith("<!--") || line.matches("^(-{3,}|\\*{3,}|_{3,})$")) {
                builder.endParagraph();
                continue;
            }
            if (line.isEmpty()) {
                builder.endParagraph();
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String name = clean(heading.group(2));
                if (!seenContent && heading.group(1).length() == 1 && title == null) {
                    title = name; // a leading "# Title" names the production
                } else {
                    builder.heading(name, lineNumber);
                }
                seenContent = true;
                continue;
            }
            seenContent = true;
            Matcher visual = VISUAL.matcher(line);
            Matcher quote = QUOTE.matcher(line);
            if (visual.matches()) {
                builder.visual(clean(visual.group(1)), lineNumber);
            } else if (quote.matches()) {
                builder.visual(clean(quote.group(1)), lineNumber);
            } else {
                builder.narration(clean(LIST_MARK.matcher(line).replaceFirst("")), lineNumber);
            }
        }
        builder.endParagraph();
        List<ScriptScene> scenes = builder.finish();
        if (scenes.isEmpty()) throw InputException.in(file, "the script has no scenes: write at least one paragraph of narration");
        boolean anyWords = scenes.stream().anyMatch(scene -> WORD.matcher(scene.narration() + scene.visual()).find());
        if (!anyWords) throw InputException.in(file, "the script has no words to narrate or show");
        return new Script(file, title, scenes);
    }

    /** Strips Markdown inline markup, keeping the words a narrator would say. */
    static String clean(String text) {
        String result = LINK.matcher(text).replaceAll("$1");
        String before;
        do {
            before = result;
            result = EMPHASIS.matcher(result).replaceAll("$2");
        } while (!result.equals(before));
        return result.replaceAll("\\s+", " ").strip();
    }

    /** Collects lines into scenes: headings and paragraphs open scenes, visual lines attach to the open one. */
    private static final class Builder {
        private final List<ScriptScene> scenes = new ArrayList<>();
        private String heading;
        private final StringBuilder narration = new StringBuilder();
        private final StringBuilder visual = new StringBuilder();
        private int firstLine;
        private boolean open;
        private boolean paragraphOpen;
        private boolean paragraphDone;

        void heading(String name, int line) {
            close();
            open(line);
            heading = name;
        }

        void visual(String text, int line) {
            if (!open) open(line);
            if (paragraphDone && narration.length() > 0) {
                // a visual after a finished paragraph describes the next scene, not the one before
                close();
                open(line);
            }
            append(visual, text);
        }

        void narration(String text, int line) {
            if (!open || paragraphDone) {
                if (open && narration.length() > 0) close();
                if (!open) open(line);
            }
            paragraphOpen = true;
            append(narration, text);
        }

        void endParagraph() {
            if (paragraphOpen) {
                paragraphOpen = false;
                paragraphDone = true;
            }
        }

        private void open(int line) {
            open = true;
            firstLine = line;
            heading = null;
            paragraphDone = false;
        }

        private void close() {
            if (open && (narration.length() > 0 || visual.length() > 0 || heading != null)) {
                scenes.add(new ScriptScene(heading, narration.toString(), visual.toString(), firstLine));
            }
            open = false;
            heading = null;
            narration.setLength(0);
            visual.setLength(0);
            paragraphOpen = false;
            paragraphDone = false;
        }

        private static void append(StringBuilder into, String text) {
            if (text.isEmpty()) return;
            if (into.length() > 0) into.append(' ');
            into.append(text);
        }

        List<ScriptScene> finish() {
            close();
            return scenes;
        }
    }
}
