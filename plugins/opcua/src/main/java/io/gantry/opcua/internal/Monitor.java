package io.gantry.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gantry.engine.api.signal.SignalSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * The signals' subscription: one subscription per session, one monitored item per signal (its sampling
 * interval, its absolute deadband), every data change handed on as the signal's reading. A monitored item
 * the server refuses (an unknown node: Bad_NodeIdUnknown) makes its signal Bad with that status; the others
 * go on.
 */
final class Monitor {
    private Monitor() {}

    /**
     * @param config  the device's config: its signals and publishing interval
     * @param client  the connected client
     * @param publish where each reading goes: signal name and reading, on Milo's threads
     * @return completes when the server has answered for every monitored item; at once when there are no signals
     */
    static CompletableFuture<Void> start(
            OpcUaConfig config, OpcUaClient client, BiConsumer<String, SignalSample> publish) {
        List<SignalConfig> signals = config.signals();
        if (signals.isEmpty()) {
            return CompletableFuture.completedFuture(null); // no subscription the server would keep for nothing
        }
        return client.getSubscriptionManager()
                .createSubscription(config.publishingIntervalMs())
                .thenCompose(subscription -> subscription.createMonitoredItems(
                        TimestampsToReturn.Both, requests(signals, subscription, client), (item, index) -> {
                            SignalConfig signal = signals.get(index);
                            item.setValueConsumer(value -> publish.accept(signal.name(), Samples.of(signal, value)));
                        }))
                .thenAccept(items -> {
                    for (int i = 0; i < items.size(); i++) {
                        UaMonitoredItem item = items.get(i);
                        if (item.getStatusCode().isBad()) {
                            SignalConfig signal = signals.get(i);
                            publish.accept(
                                    signal.name(),
                                    SignalSample.bad(
                                            signal.describe() + ": the server does not watch it: "
                                                    + Status.describe(item.getStatusCode()),
                                            Instant.now()));
                        }
                    }
                });
    }

    private static List<MonitoredItemCreateRequest> requests(
            List<SignalConfig> signals, UaSubscription subscription, OpcUaClient client) {
        List<MonitoredItemCreateRequest> requests = new ArrayList<>(signals.size());
        for (SignalConfig signal : signals) {
            // no filter unless a deadband is asked for: a server refuses a deadband on a non-number
            ExtensionObject filter = signal.deadband() > 0
                    ? ExtensionObject.encode(
                            client.getStaticSerializationContext(),
                            new DataChangeFilter(
                                    DataChangeTrigger.StatusValue,
                                    uint(DeadbandType.Absolute.getValue()),
                                    signal.deadband()))
                    : null;
            requests.add(new MonitoredItemCreateRequest(
                    new ReadValueId(signal.nodeId(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
                    MonitoringMode.Reporting,
                    new MonitoringParameters(
                            subscription.nextClientHandle(), signal.samplingIntervalMs(), filter, uint(1), true)));
        }
        return requests;
    }
}
