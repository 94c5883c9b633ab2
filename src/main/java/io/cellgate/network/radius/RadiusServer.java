package io.cellgate.network.radius;

import io.cellgate.network.radius.NasDirectory.Registered;
import io.cellgate.network.radius.codec.AttributeType;
import io.cellgate.network.radius.codec.MalformedPacket;
import io.cellgate.network.radius.codec.PacketSigning;
import io.cellgate.network.radius.codec.RadiusPacket;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The RADIUS server: authentication and accounting on their UDP ports, on the event loops of the service's Netty
 * transport. Every datagram is checked before anything is decided on it, and dropped (counted by reason, never
 * answered) when it comes from no enabled NAS client, is malformed, is of a code the port does not serve, or fails its
 * authenticator; an Access-Request without a Message-Authenticator fails it (Blast-RADIUS). Retransmissions get the
 * first answer again. Nothing a datagram holds can stop the server: whatever goes wrong with one is counted and the
 * next is served.
 *
 * <p>On Linux's native transport each port takes a socket per event loop (SO_REUSEPORT) and moves datagrams in
 * batches: up to {@value #DATAGRAMS_PER_READ} are read with one system call (recvmmsg), and the answers decided while
 * reading them, or committed together, leave with one (sendmmsg). The system calls, not the decisions, are most of
 * what a RADIUS answer costs.
 */
@ApplicationScoped
public class RadiusServer {
    private static final Logger LOG = Logger.getLogger(RadiusServer.class);
    private static final int MAX_REMEMBERED = 200_000;
    private static final int DATAGRAMS_PER_READ = 32;
    static final String AUTH = "auth";
    static final String ACCT = "acct";

    @Inject
    Vertx vertx;
    @Inject
    RadiusConfig config;
    @Inject
    NasDirectory nasClients;
    @Inject
    AccessRequests access;
    @Inject
    AccountingRequests accounting;
    @Inject
    RadiusMetrics metrics;

    private final List<Channel> channels = new ArrayList<>();
    private DuplicateRequests duplicates;

    void start(@Observes StartupEvent event) throws Exception {
        if (!config.enabled()) {
            LOG.info("RADIUS: disabled (cellgate.radius.enabled=false)");
            return;
        }
        nasClients.start();
        duplicates = new DuplicateRequests(MAX_REMEMBERED);
        vertx.setPeriodic(config.duplicateWindow().toMillis(), timer -> duplicates.turnOver());
        boolean epoll = vertx.isNativeTransportEnabled();
        int perPort = epoll ? Math.max(1, config.socketsPerPort()) : 1;
        int authPort = open(config.authPort(), AUTH, perPort, epoll);
        int acctPort = open(config.acctPort(), ACCT, perPort, epoll);
        LOG.infof("RADIUS: authentication on %s:%d, accounting on %s:%d (%d socket(s) per port)", config.host(),
                authPort, config.host(), acctPort, perPort);
    }

    /** How many of the sockets bound at start are still open (0 of 0 when RADIUS is disabled). */
    record Sockets(int open, int bound) {
    }

    Sockets sockets() {
        synchronized (channels) {
            return new Sockets((int) channels.stream().filter(Channel::isActive).count(), channels.size());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        channels.forEach(Channel::close);
    }

    /**
     * Binds {@code count} sockets to the port, each on the next event loop (SO_REUSEPORT: the kernel spreads the NAS
     * clients' flows over them, so that every core serves). Answers the port bound (the first socket's, when 0 asks
     * for any free port).
     */
    private int open(int port, String kind, int count, boolean epoll) throws Exception {
        Bootstrap bootstrap = new Bootstrap().group(((VertxInternal) vertx).nettyEventLoopGroup())
                .option(ChannelOption.SO_RCVBUF, 4 << 20).option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new Datagrams(kind));
                    }
                });
        if (epoll) {
            bootstrap.channel(EpollDatagramChannel.class).option(EpollChannelOption.SO_REUSEPORT, count > 1)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, RadiusPacket.MAX_LENGTH)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(RadiusPacket.MAX_LENGTH * DATAGRAMS_PER_READ));
        } else {
            bootstrap.channel(NioDatagramChannel.class)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RadiusPacket.MAX_LENGTH));
        }
        int bound = port;
        for (int i = 0; i < count; i++) {
            Channel channel = bootstrap.bind(config.host(), bound).sync().channel();
            bound = ((InetSocketAddress) channel.localAddress()).getPort();
            synchronized (channels) {
                channels.add(channel);
            }
        }
        return bound;
    }

    /**
     * One socket's datagrams, on its event loop (a handler per socket). Answers decided while a read is being handled
     * are written and go out together when the read completes; answers that come later (after a commit, from another
     * thread) are flushed once per burst.
     */
    private final class Datagrams extends SimpleChannelInboundHandler<DatagramPacket> {
        private final String port;
        /** Answers decided off the event loop, written and flushed together by one task on it. */
        private final Queue<DatagramPacket> later = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        private boolean reading;

        Datagrams(String port) {
            this.port = port;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            reading = true;
            receive(context.channel(), packet);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            reading = false;
            context.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            metrics.dropped(port, "unreadable");
            LOG.debugf("RADIUS: a datagram could not be read: %s", cause.getMessage());
        }

        private void receive(Channel channel, DatagramPacket packet) {
            long arrived = System.nanoTime();
            InetSocketAddress source = packet.sender();
            byte[] address = source.getAddress().getAddress();
            Registered nas = nasClients.find(address);
            if (nas == null) {
                metrics.dropped(port, "unknown_nas");
                return;
            }
            ByteBuf content = packet.content();
            byte[] datagram = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), datagram);
            RadiusPacket request;
            try {
                request = RadiusPacket.decode(datagram);
            } catch (MalformedPacket e) {
                metrics.dropped(port, "malformed_" + e.getMessage());
                return;
            }
            String refusal = refusal(port, nas, datagram, request);
            if (refusal != null) {
                metrics.dropped(port, refusal);
                return;
            }
            ByteBuffer key = DuplicateRequests.key(address, source.getPort(), request.identifier(),
                    request.authenticator());
            byte[] earlier = duplicates.firstOrAnswer(key);
            if (earlier != null) {
                metrics.duplicate(port);
                if (!DuplicateRequests.pending(earlier)) {
                    send(channel, source, earlier);
                }
                return;
            }
            Uni<byte[]> answer;
            try {
                answer = AUTH.equals(port) ? access.answer(nas, request)
                        : accounting.answer(nas, source.getAddress().getHostAddress(), request);
            } catch (MalformedPacket e) {
                duplicates.abandoned(key);
                metrics.dropped(port, "malformed_" + e.getMessage());
                return;
            }
            answer.subscribe().with(octets -> {
                duplicates.answered(key, octets);
                send(channel, source, octets);
                metrics.answered(AUTH.equals(port), System.nanoTime() - arrived);
            }, e -> {
                duplicates.abandoned(key);
                metrics.dropped(port, "unanswered");
                LOG.debugf("RADIUS: a request from %s went unanswered: %s", source, e.getMessage());
            });
        }

        void send(Channel channel, InetSocketAddress to, byte[] octets) {
            DatagramPacket answer = new DatagramPacket(Unpooled.wrappedBuffer(octets), to);
            if (reading && channel.eventLoop().inEventLoop()) {
                channel.write(answer, channel.voidPromise());
                return;
            }
            later.add(answer);
            if (flushScheduled.compareAndSet(false, true)) {
                channel.eventLoop().execute(() -> {
                    flushScheduled.set(false);
                    for (DatagramPacket next = later.poll(); next != null; next = later.poll()) {
                        channel.write(next, channel.voidPromise());
                    }
                    channel.flush();
                });
            }
        }
    }

    /** Why a well-formed packet is not served here, or null. */
    private static String refusal(String port, Registered nas, byte[] datagram, RadiusPacket request) {
        byte[] secret = nas.client().secret();
        if (AUTH.equals(port)) {
            if (request.code() != RadiusPacket.ACCESS_REQUEST) {
                return "unexpected_code";
            }
            if (request.count(AttributeType.MESSAGE_AUTHENTICATOR) == 0) {
                return "missing_message_authenticator";
            }
            return PacketSigning.validAccessRequest(datagram, request, secret) ? null : "bad_message_authenticator";
        }
        if (request.code() != RadiusPacket.ACCOUNTING_REQUEST) {
            return "unexpected_code";
        }
        return PacketSigning.validSignedRequest(datagram, request, secret) ? null : "bad_authenticator";
    }
}
