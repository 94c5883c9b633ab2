/**
 * The two ports through which the network plane ({@code io.cellgate.network}) reaches the management plane, and the
 * values they carry. Nothing else of the management plane is visible to the network plane (an architecture test holds
 * it so):
 * <ul>
 *   <li>{@link io.cellgate.ports.DecisionReadPort}: the decision row of a SIM (its state, its tenant's state, its
 *       effective policy, IMEI lock and static IP), by IMSI or ICCID;</li>
 *   <li>{@link io.cellgate.ports.NetworkReportPort}: what the network reports about a SIM, as the network function
 *       that saw it.</li>
 * </ul>
 */
package io.cellgate.ports;
