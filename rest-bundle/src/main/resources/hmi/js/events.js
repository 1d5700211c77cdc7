// The controller's event stream (/api/events) with resume: after a drop it reconnects with
// since=<last seq seen>, so nothing is missed; a GAP notice, a DROPPED notice (the controller shed
// events under overload) or a reconnect makes views re-read their state over REST.

const GAP = 'gantry/stream/GAP';
const DROPPED = 'gantry/events/DROPPED';
const POLICY_VIOLATION = 1008;

class EventStream {
  constructor() {
    this.lastSeq = null;
    this.listeners = [];
    this.resyncListeners = new Set();
    this.statusListeners = new Set();
    this.socket = null;
    this.attempt = 0;
    this.everOpened = false;
    this.stopped = true;
    this.timer = null;
    this.denied = async () => true;
  }

  /** @param {string} prefix a topic prefix ('gantry/node/') or '' for all @param {(e:object)=>void} fn */
  on(prefix, fn) {
    const entry = { prefix, fn };
    this.listeners.push(entry);
    return () => { this.listeners = this.listeners.filter((l) => l !== entry); };
  }

  /** Called after a reconnect or a gap: state may have changed unseen, re-read it over REST. */
  onResync(fn) { this.resyncListeners.add(fn); }

  onStatus(fn) { this.statusListeners.add(fn); }

  /**
   * @param {(reason:string)=>Promise<boolean>} fn asked after a 1008 close or a refused upgrade:
   *   resolves whether to reconnect (false: the session is over, the shell has taken over)
   */
  onDenied(fn) { this.denied = fn; }

  /** Opens the stream (again after stop(): it resumes with since= and views resync). */
  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes the stream for good (logout, session ended) until start(). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close(1000, 'logged out');
    this.status('stopped');
  }

  connect() {
    const url = new URL('/api/events', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.lastSeq !== null) url.searchParams.set('since', String(this.lastSeq));
    this.status(this.everOpened ? 'reconnecting' : 'connecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      const resumed = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.status('live');
      // a restarted controller counts seq from 1 again and would answer since= with live events
      // only: re-reading state after every reconnect makes the picture right in that case too
      if (resumed) this.resync('reconnected');
    };
    socket.onmessage = (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch { return; }
      if (event.topic === GAP) {
        this.resync('gap');
        return;
      }
      if (typeof event.seq === 'number') this.lastSeq = event.seq;
      if (event.topic === DROPPED) {
        this.resync('dropped');
        return;
      }
      for (const { prefix, fn } of this.listeners) {
        if (event.topic && event.topic.startsWith(prefix)) {
          try { fn(event); } catch (e) { console.error('event listener failed', e); }
        }
      }
    };
    socket.onclose = async (close) => {
      if (this.socket !== socket || this.stopped) return;
      this.status('reconnecting');
      if (close.code === POLICY_VIOLATION || !opened) {
        const again = await this.denied(close.reason || (opened ? 'policy violation' : 'refused'));
        if (!again || this.socket !== socket || this.stopped) return;
      }
      const delay = Math.min(5000, 250 * 2 ** this.attempt++);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  /** Drops the connection as a network blip would (the stream reconnects with since). */
  blip() { if (this.socket) this.socket.close(); }

  resync(why) {
    for (const fn of this.resyncListeners) {
      try { fn(why); } catch (e) { console.error('resync failed', e); }
    }
  }

  status(state) {
    for (const fn of this.statusListeners) fn(state);
  }
}

export const events = new EventStream();
