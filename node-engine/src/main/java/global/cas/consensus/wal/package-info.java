/**
 * The consensus write-ahead log: every proposal and vote this validator signs is appended and
 * fsynced before it is sent, and the messages it received are appended beside them, so a restart
 * replays the height in progress and never signs twice (C1). Records are framed with a length and
 * a CRC-32C; a record cut short by a crash at the end is dropped, damage anywhere else is refused.
 * Depends on {@code consensus} and {@code codec}.
 */
package global.cas.consensus.wal;
