package io.cellgate.job;

import java.util.function.Function;

/**
 * The kind of key a job works through (ICCIDs, say): its name, stored with the job, and how a key is read back from
 * the job's target list, which the database fills when the job is created. A handler receives its targets as keys of
 * its kind, never as raw text.
 */
public record TargetKind<K>(String name, Function<String, K> parse) {
}
