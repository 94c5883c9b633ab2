/**
 * The network plane: Cellgate in the network path, where the operator's network functions ask it for decisions and
 * report what happened. It answers from each SIM's decision row and reports through the management plane's two ports
 * ({@link io.cellgate.ports.DecisionReadPort}, {@link io.cellgate.ports.NetworkReportPort}), never by reaching into a
 * feature's services or tables (an architecture test holds it so). A network function acts as an
 * {@link io.cellgate.common.Actor} of kind NETWORK_FUNCTION, so its changes are scoped and audited like any other.
 * <ul>
 *   <li>{@code radius}: the RADIUS AAA server of the packet gateway (3GPP TS 29.061);</li>
 *   <li>{@code smpp}: the SMPP session to the SMSC (the A2P send API itself is in the management plane);</li>
 *   <li>{@code charging}: online charging for SMS, voice and data (3GPP TS 32.291 style).</li>
 * </ul>
 */
package io.cellgate.network;
