package io.cellgate.job;

/** A kind of job: its name, stored with each job of the kind, and the kind of key its targets are. */
public record JobKind<K>(String name, TargetKind<K> targets) {
}
