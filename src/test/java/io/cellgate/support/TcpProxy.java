package io.cellgate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real dependency, to make it fail the ways it fails in production: {@link #hang} (it
 * accepts connections and answers nothing, as a server stuck in a pause or a dead network path), {@link #down} (every
 * connection closed and new ones refused, as during a restart), and {@link #up} again.
 */
public final class TcpProxy implements AutoCloseable {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean hung;
    private volatile ServerSocket server;

    public TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public int port() {
        return port;
    }

    /** Listens (again) and passes bytes both ways. */
    public synchronized TcpProxy up() throws IOException {
        synchronized (gate) {
            hung = false;
            gate.notifyAll();
        }
        if (server == null) {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = listening;
            daemon("proxy-accept-" + port, () -> accept(listening));
        }
        return this;
    }

    /** Keeps every connection open and accepts new ones, but passes no byte either way until {@link #up}. */
    public void hang() {
        hung = true;
    }

    /** Closes every connection and stops listening: connecting is refused until {@link #up}. */
    public synchronized void down() throws IOException {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            listening.close();
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        down();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                sockets.add(client);
                daemon("proxy-connect-" + port, () -> connect(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitNotHung();
            Socket target = new Socket(targetHost, targetPort);
            sockets.add(target);
            daemon("proxy-up-" + port, () -> pump(client, target));
            pump(target, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                awaitNotHung();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away, or down() closed it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitNotHung() throws InterruptedException {
        synchronized (gate) {
            while (hung) {
                gate.wait();
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
