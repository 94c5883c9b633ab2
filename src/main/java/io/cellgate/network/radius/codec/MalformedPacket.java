package io.cellgate.network.radius.codec;

/** A datagram that is no well-formed RADIUS packet: it is dropped and counted under its reason. */
public class MalformedPacket extends Exception {
    public MalformedPacket(String reason) {
        super(reason, null, false, false);
    }
}
