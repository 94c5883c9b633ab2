package io.cellgate.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL a Java source holds: its string literals and text blocks, with literals joined by {@code +} read as one.
 * What is written, and what is locked, tells which feature writes which table.
 */
final class SqlInSources {
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern FIRST_FROM = Pattern.compile("(?i)\\bFROM\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(SELECT|INSERT|UPDATE|DELETE)\\b.*\\b(FROM|INTO|SET)\\b",
            Pattern.DOTALL);
    private static final Set<String> NOT_TABLES = Set.of("of", "set", "skip", "nowait");

    /** A table that a piece of SQL writes (or locks), and the source it stands in. */
    record Write(String source, String table, String sql) {
    }

    private SqlInSources() {
    }

    /** The sources below {@code root}, by path relative to it, with their text. */
    static Map<String, String> read(Path root) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Every table the SQL of these sources writes with INSERT, UPDATE or DELETE, or locks with FOR UPDATE. */
    static List<Write> writes(Map<String, String> sources) {
        List<Write> writes = new ArrayList<>();
        sources.forEach((source, text) -> {
            for (String sql : literals(text)) {
                Matcher write = WRITE.matcher(sql);
                while (write.find()) {
                    if (!NOT_TABLES.contains(write.group(2).toLowerCase())) {
                        writes.add(new Write(source, write.group(2).toLowerCase(), sql));
                    }
                }
                Matcher locked = FIRST_FROM.matcher(sql);
                if (sql.toUpperCase().contains("FOR UPDATE") && locked.find()) {
                    writes.add(new Write(source, locked.group(1).toLowerCase(), sql));
                }
            }
        });
        return writes;
    }

    /** Whether any literal of this source is a SQL statement. */
    static boolean holdsSql(String text) {
        return literals(text).stream().anyMatch(sql -> STATEMENT.matcher(sql).find());
    }

    /** The string literals and text blocks of a Java source; literals joined with + come back as one. */
    static List<String> literals(String text) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
            } else if (text.startsWith("/*", i)) {
                i = text.indexOf("*/", i + 2) < 0 ? text.length() : text.indexOf("*/", i + 2) + 2;
            } else if (c == '\'') {
                i = text.charAt(i + 1) == '\\' ? text.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (c == '"') {
                boolean block = text.startsWith("\"\"\"", i);
                String end = block ? "\"\"\"" : "\"";
                int start = i + (block ? 3 : 1);
                int stop = start;
                while (!text.startsWith(end, stop) || text.charAt(stop - 1) == '\\' && text.charAt(stop - 2) != '\\') {
                    stop++;
                }
                current = current == null ? new StringBuilder() : current;
                current.append(text, start, stop);
                i = stop + end.length();
                int next = i;
                while (next < text.length() && (Character.isWhitespace(text.charAt(next)) || text.charAt(next) == '+')) {
                    next++;
                }
                if (next >= text.length() || text.charAt(next) != '"' || text.substring(i, next).indexOf('+') < 0) {
                    literals.add(current.toString());
                    current = null;
                }
            } else {
                i++;
            }
        }
        return literals;
    }
}
