package cn.liaocheng.rdcoverage.coverage;

/**
 * Fired (synchronously, in the snapshot's transaction) just before a coverage snapshot is stored, so that other
 * features can store their figures of the same moment with it without the coverage package knowing them
 * (issue 18: the indicators report, in {@link CoverageSnapshot#indicators}).
 */
public record SnapshotTaking(CoverageSnapshot snapshot) {
}
