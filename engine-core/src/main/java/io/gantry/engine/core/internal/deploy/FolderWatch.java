package io.gantry.engine.core.internal.deploy;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells at once when something in a folder changes (inotify on Linux, through the JDK's
 * {@link WatchService}), so a dropped jar need not wait for the next poll. It only says "look now":
 * what changed is for the scan to find, so a lost or merged notification costs nothing but the wait
 * for the poll, which goes on beside it. Where the file system cannot be watched the poll alone works.
 */
final class FolderWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final WatchService service;
    private final Thread thread;

    private FolderWatch(WatchService service, Path folder, Runnable onChange) {
        this.service = service;
        this.thread = new Thread(() -> watch(onChange), "gantry-deploy-watch " + folder.getFileName());
        thread.setDaemon(true);
    }

    /**
     * @param folder   the folder, which must exist
     * @param onChange called on the watching thread after each burst of changes; must not block
     * @return the watch, started; or null when the folder cannot be watched (logged)
     */
    static FolderWatch start(Path folder, Runnable onChange) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            folder.register(
                    service,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            FolderWatch watch = new FolderWatch(service, folder, onChange);
            watch.thread.start();
            return watch;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot watch {} ({}); changes are seen at the next poll", folder, e.toString());
            return null;
        }
    }

    private void watch(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents(); // which files is the scan's to find
                onChange.run();
                if (!key.reset()) {
                    LOG.warn("deploy/ can no longer be watched; changes are seen at the next poll");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the deployer stops
        } catch (RuntimeException e) {
            LOG.warn("watching deploy/ failed; changes are seen at the next poll", e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch of deploy/ failed", e);
        }
    }
}
