/**
 * The SMPP 3.4 session to the operator's SMSC, as an ESME: submit_sm with delivery receipts, deliver_sm for replies and
 * receipts, enquire_link, windowing, reconnects with back-off, and each tenant's throughput. Empty until the SMS
 * gateway lands; only the ports of {@code io.cellgate.ports} may be used.
 */
package io.cellgate.network.smpp;
