/**
 * Reason codes for everything the node refuses: malformed bytes, bad signatures, spent outputs, full
 * mempools, wrong addresses. Each code has a stable name that the RPC returns and the UI translates;
 * {@link global.cas.rejection.RejectedException} carries one with a sentence a person understands.
 * Depends on nothing else in the project.
 */
package global.cas.rejection;
