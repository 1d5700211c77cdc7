// The controller's event stream (/api/events) with resume: after a drop, or a restart of the
// controller, it reconnects with since=<epoch>:<seq> of the last event seen and the controller replays
// what it missed from its event log, in order, so a run's story goes on where it stopped. A GAP notice
// (what was missed is no longer kept), a DROPPED notice (the controller shed events under overload) or
// a reconnect without a cursor makes views re-read their state over REST instead.

const GAP = 'gantry/stream/GAP';
const DROPPED = 'gantry/events/DROPPED';
const POLICY_VIOLATION = 1008;

class EventStream {
  constructor() {
    this.cursor = null; // { epoch, seq } of the last event seen
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
    const resuming = this.cursor !== null;
    if (resuming) url.searchParams.set('since', this.cursor.epoch ? `${this.cursor.epoch}:${this.cursor.seq}` : String(this.cursor.seq));
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
      // with a cursor the controller replays what was missed (or says GAP); without one, nothing
      // tells what changed while away: re-read it
      if (resumed && !resuming) this.resync('reconnected');
    };
    socket.onmessage = (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch { return; }
      if (event.topic === GAP) {
        this.resync('gap');
        return;
      }
      if (typeof event.seq === 'number') this.cursor = { epoch: event.epoch || null, seq: event.seq };
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
