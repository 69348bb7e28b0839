package com.bonusdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a person reads comes from the message files, in both languages. */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]*\\p{L}[^<]*)<");
    private static final Pattern LITERAL_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|aria-label|alt)=\"[^\"$#]*\\p{L}[^\"]*\"");
    private static final Pattern INLINE = Pattern.compile("\\s(style|on[a-z]+)=\"[^\"]*\"");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = COMMENT.matcher(Files.readString(file)).replaceAll("");
                html = html.replaceAll("(?s)<script.*?</script>", "");
                collect(TEXT_NODE.matcher(html), file, literals);
                collect(LITERAL_ATTRIBUTE.matcher(html), file, literals);
            }
        }
        assertThat(literals).isEmpty();
    }

    /** The content security policy refuses inline styles and handlers: a page that used one would break. */
    @Test
    void templatesHoldNoInlineStyleOrHandler() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                collect(INLINE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll("")), file, inline);
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> chinese = keys("messages_zh_CN.properties");
        assertThat(difference(english, chinese)).as("missing in Chinese").isEmpty();
        assertThat(difference(chinese, english)).as("missing in English").isEmpty();
    }

    private static void collect(Matcher matcher, Path file, List<String> literals) {
        while (matcher.find()) {
            literals.add(TEMPLATES.relativize(file) + ": " + matcher.group().strip());
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TemplatesTest.class.getResourceAsStream("/" + resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> missing = new TreeSet<>(left);
        missing.removeAll(right);
        return missing;
    }
}
