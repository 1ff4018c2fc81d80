using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// One resident's browser tab, spoken over the wire: signs in with cookies, loads a page, opens its Blazor Server circuit (negotiate,
/// WebSocket, blazorpack handshake, StartCircuit, root components), answers the server's JS interop calls, acknowledges every render
/// batch, and dispatches clicks and field changes to event handlers it finds in the rendered tree. Thousands run in one process:
/// everything is async I/O, and a client that only watches for text (<see cref="KeepsTree"/> false) decodes just the batches' strings.
/// </summary>
public sealed partial class CircuitClient(CircuitTarget target, bool keepsTree = true) : IAsyncDisposable
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Lock treeLock = new();
    private readonly RenderedTree tree = new();
    private readonly List<Waiter> waiters = [];
    private readonly List<(string Text, bool Whole, TaskCompletionSource<TextBatch> Arrival)> textWatchers = [];
    private readonly Dictionary<string, TaskCompletionSource<string>> pendingEvents = [];
    private readonly TaskCompletionSource handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource closing = new();

    private ClientWebSocket? socket;
    private Task? receiving;
    private Task? pinging;
    private string operationsJson = "";
    private string applicationState = "";
    private long rendererObjectId = -1;
    private int nextCallId;
    private int nextJsObjectId = 1;
    private readonly Dictionary<string, int> rootComponents = [];

    /// <summary>The router is the page's last interactive root (HeadOutlet comes first, from the head); JS.AttachComponent names it by this.</summary>
    private string routesComponentSelector = "";

    private int RoutesComponentId => rootComponents.GetValueOrDefault(routesComponentSelector, -1);

    public bool KeepsTree => keepsTree;

    /// <summary>The circuit's secret id, returned by StartCircuit; it is what /_blazor/disconnect takes.</summary>
    public string? CircuitId { get; private set; }

    /// <summary>From the page request to the server's end of the root components' first render.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>The WebSocket extensions the server agreed to (its <c>Sec-WebSocket-Extensions</c> answer), empty when none.</summary>
    public string SocketExtensions { get; private set; } = "";

    public string? Failure { get; private set; }

    /// <summary>Signs in through the app's sign-in form, as a browser does: its antiforgery token, then the post; the cookie is kept.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var page = await GetStringAsync("Account/Login", cancellationToken);
        var form = LoginForm().Match(page);
        if (!form.Success)
        {
            throw new InvalidOperationException("The sign-in page has no sign-in form.");
        }
        var fields = HiddenField().Matches(form.Value).ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var request = Request(HttpMethod.Post, "Account/Login");
        request.Content = new FormUrlEncodedContent(fields);
        using var response = await target.Http.SendAsync(request, cancellationToken);
        Remember(response);
        // A failed sign-in renders the form again (200); a successful one redirects and sets the sign-in cookie.
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Contains("Set-Cookie"))
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>
    /// Loads <paramref name="path"/> and opens its circuit; returns once the interactive page has rendered. A circuit that fails to open
    /// is closed again here, so the server does not keep it.
    /// </summary>
    public async Task OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await OpenCircuitAsync(path, cancellationToken);
        }
        catch
        {
            await DisconnectAsync();
            throw;
        }
    }

    private async Task OpenCircuitAsync(string path, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var page = await GetStringAsync(path, cancellationToken);
        var markers = Marker().Matches(page)
            .Select(match => JsonNode.Parse(match.Groups[1].Value)!.AsObject())
            .Where(marker => marker["type"]?.GetValue<string>() == "server")
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} holds no interactive server component.");
        }
        operationsJson = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, index) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = index + 1,
                ["marker"] = marker,
            }).ToArray()),
        }.ToJsonString();
        routesComponentSelector = markers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        applicationState = ComponentState().Match(page) is { Success: true } state ? state.Groups[1].Value : "";

        using (var negotiate = Request(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1"))
        {
            negotiate.Content = new ByteArrayContent([]);
            using var response = await target.Http.SendAsync(negotiate, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var token = json.RootElement.GetProperty("connectionToken").GetString()!;
            socket = new ClientWebSocket();
            socket.Options.SetBuffer(4096, 4096);
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            // Chromium offers "permessage-deflate; client_max_window_bits" and Blazor accepts it, so every browser's circuit has a
            // compressing socket on the server; these defaults send the same offer, so the server pays what a browser costs it.
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.SetRequestHeader("Cookie", CookieHeader());
            var scheme = target.BaseUri.Scheme == "https" ? "wss" : "ws";
            var uri = new UriBuilder(new Uri(target.BaseUri, $"_blazor?id={Uri.EscapeDataString(token)}")) { Scheme = scheme }.Uri;
            await socket.ConnectAsync(uri, cancellationToken);
            SocketExtensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var extensions) == true ? string.Join(", ", extensions) : "";
            socket.HttpResponseHeaders = null;
        }

        receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await SendRawAsync(BlazorPack.Handshake);
        await handshake.Task.WaitAsync(cancellationToken);
        await SendRawAsync(BlazorPack.PingMessage);
        await SendRawAsync(BlazorPack.Invocation("0", "StartCircuit",
            target.BaseUri.ToString(), new Uri(target.BaseUri, path).ToString(), "[]", applicationState));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        StartDuration = watch.Elapsed;
        pinging = PingLoopAsync();
    }

    /// <summary>The text of the page's body (the router's output), as the DOM's textContent gives it.</summary>
    public string PageText()
    {
        RequireTree();
        lock (treeLock)
        {
            return RoutesComponentId < 0 ? "" : tree.Component(RoutesComponentId)!.TextContent();
        }
    }

    /// <summary>
    /// Waits until <paramref name="probe"/> finds something in the rendered page (checked now and after every render batch) and returns
    /// it; probes run under the tree's lock, so what they return must be a copy, such as an <see cref="ElementHandle"/>.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<RenderedNode, T?> probe, TimeSpan timeout, string what) where T : class =>
        (await WaitForTimedAsync(probe, timeout, what)).Found;

    /// <summary>
    /// As <see cref="WaitForAsync{T}"/>, with the arrival time (a <see cref="Stopwatch"/> timestamp) of the render batch that made the
    /// probe succeed, or the time of the call when it succeeded at once.
    /// </summary>
    public async Task<(T Found, long ArrivedAt)> WaitForTimedAsync<T>(Func<RenderedNode, T?> probe, TimeSpan timeout, string what) where T : class
    {
        RequireTree();
        var waiter = new Waiter(root => probe(root));
        lock (treeLock)
        {
            if (RoutesComponentId >= 0 && probe(tree.Component(RoutesComponentId)!) is { } found)
            {
                return (found, Stopwatch.GetTimestamp());
            }
            waiters.Add(waiter);
        }
        try
        {
            var (result, arrivedAt) = await waiter.Found.Task.WaitAsync(timeout);
            return ((T)result, arrivedAt);
        }
        catch (TimeoutException)
        {
            lock (treeLock)
            {
                waiters.Remove(waiter);
            }
            throw new TimeoutException($"The page did not show {what} within {timeout.TotalSeconds:F0} s.{(Failure is null ? "" : " " + Failure)}");
        }
    }

    /// <summary>Waits for the first element with <c>data-testid</c> <paramref name="testId"/> (and, optionally, a handler for the event).</summary>
    public Task<ElementHandle> WaitForTestIdAsync(string testId, TimeSpan timeout, string? withHandler = null) =>
        WaitForAsync(root => root.Descendants()
            .Where(node => node.Kind == FrameType.Element && node.Attribute("data-testid") == testId &&
                           (withHandler is null || node.Handlers.ContainsKey(withHandler)))
            .Select(ElementHandle.Of)
            .FirstOrDefault(), timeout, $"an element with data-testid '{testId}'");

    /// <summary>Waits for the first button whose text contains <paramref name="text"/> and that takes clicks.</summary>
    public Task<ElementHandle> WaitForButtonAsync(string text, TimeSpan timeout) =>
        WaitForAsync(root => root.Descendants()
            .Where(node => node.Kind == FrameType.Element && node.Name == "button" && node.Handlers.ContainsKey("click") &&
                           node.TextContent().Contains(text, StringComparison.Ordinal))
            .Select(ElementHandle.Of)
            .FirstOrDefault(), timeout, $"a button '{text}'");

    /// <summary>
    /// The first render batch whose strings contain <paramref name="text"/> (or, <paramref name="whole"/>, one of them is exactly it):
    /// when it arrived (the moment this tab would show it), and what it cost the server.
    /// </summary>
    public Task<TextBatch> WatchForText(string text, bool whole = false)
    {
        var arrival = new TaskCompletionSource<TextBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (treeLock)
        {
            textWatchers.Add((text, whole, arrival));
        }
        return arrival.Task;
    }

    public Task ClickAsync(ElementHandle element) =>
        DispatchAsync(element, "click", null, "{}");

    /// <summary>A field's new value, as the browser reports a change: the value for the server's copy of the field, and the event.</summary>
    public Task ChangeAsync(ElementHandle element, string value, string eventName = "change") =>
        DispatchAsync(element, eventName, new JsonObject { ["componentId"] = element.ComponentId, ["fieldValue"] = value },
            new JsonObject { ["value"] = value }.ToJsonString());

    private async Task DispatchAsync(ElementHandle element, string eventName, JsonObject? fieldInfo, string eventArgs)
    {
        if (!element.Handlers.TryGetValue(eventName, out var handlerId))
        {
            throw new InvalidOperationException($"The element has no {eventName} handler.");
        }
        var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pendingEvents)
        {
            pendingEvents[callId] = done;
        }
        var descriptor = new JsonObject { ["eventHandlerId"] = handlerId, ["eventName"] = eventName, ["eventFieldInfo"] = fieldInfo };
        await SendRawAsync(BlazorPack.Invocation(null, "BeginInvokeDotNetFromJS",
            callId, null, "DispatchEventAsync", rendererObjectId, $"[{descriptor.ToJsonString()},{eventArgs}]"));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Closes the circuit as a closing tab does: the socket, then /_blazor/disconnect so the server frees the circuit at once.</summary>
    public async Task DisconnectAsync()
    {
        if (socket is null)
        {
            return;
        }
        await closing.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone: the disconnect below still frees the circuit.
        }
        if (receiving is not null)
        {
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        if (CircuitId is not null)
        {
            using var request = Request(HttpMethod.Post, "_blazor/disconnect");
            request.Content = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
            using var response = await target.Http.SendAsync(request, CancellationToken.None);
        }
        socket.Dispose();
        socket = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        closing.Dispose();
        sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[4096];
        byte[]? assembled = null;
        var filled = 0;
        var messages = new List<HubMessage>();
        try
        {
            while (socket!.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(chunk, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                ReadOnlyMemory<byte> data;
                if (filled == 0 && result.EndOfMessage)
                {
                    data = chunk.AsMemory(0, result.Count);
                }
                else
                {
                    if (assembled is null || assembled.Length < filled + result.Count)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(16384, (filled + result.Count) * 2));
                        if (assembled is not null)
                        {
                            assembled.AsSpan(0, filled).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(assembled);
                        }
                        assembled = larger;
                    }
                    chunk.AsSpan(0, result.Count).CopyTo(assembled.AsSpan(filled));
                    filled += result.Count;
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }
                    data = assembled.AsMemory(0, filled);
                }
                var arrivedAt = Stopwatch.GetTimestamp();
                if (!handshake.Task.IsCompleted)
                {
                    var separator = data.Span.IndexOf((byte)0x1e);
                    var response = Encoding.UTF8.GetString(data.Span[..separator]);
                    if (response != "{}")
                    {
                        throw new InvalidOperationException($"The hub refused the handshake: {response}");
                    }
                    handshake.TrySetResult();
                    data = data[(separator + 1)..];
                }
                messages.Clear();
                BlazorPack.ReadMessages(data, messages);
                if (assembled is not null)
                {
                    ArrayPool<byte>.Shared.Return(assembled);
                    assembled = null;
                    filled = 0;
                }
                foreach (var message in messages)
                {
                    await HandleAsync(message, arrivedAt);
                }
            }
            Fail("The server closed the connection.");
        }
        catch (Exception exception) when (!closing.IsCancellationRequested)
        {
            Fail(exception.Message);
        }
        catch (Exception)
        {
            // Closing: the socket's end is expected.
        }
    }

    private async Task HandleAsync(HubMessage message, long arrivedAt)
    {
        switch (message.Type)
        {
            case HubMessage.Invocation:
                await HandleInvocationAsync(message.Target!, message.Arguments, arrivedAt);
                break;
            case HubMessage.Completion when message.InvocationId == "0":
                if (message.Error is not null || message.Result is not string circuitId)
                {
                    Fail($"StartCircuit failed: {message.Error ?? "no circuit id"}");
                    break;
                }
                CircuitId = circuitId;
                break;
            case HubMessage.Close:
                Fail($"The server closed the circuit: {message.Error ?? "no reason given"}");
                break;
        }
    }

    private async Task HandleInvocationAsync(string targetName, object?[] arguments, long arrivedAt)
    {
        switch (targetName)
        {
            case "JS.BeginInvokeJS":
                await AnswerJsCallAsync((long)arguments[0]!, (string)arguments[1]!, (string?)arguments[2] ?? "[]", (long)(arguments[3] ?? 0L));
                break;
            case "JS.AttachComponent":
                lock (treeLock)
                {
                    rootComponents[(string)arguments[1]!] = (int)(long)arguments[0]!;
                    tree.AttachRoot((int)(long)arguments[0]!);
                }
                break;
            case "JS.RenderBatch":
                var batchId = (long)arguments[0]!;
                OnRenderBatch((byte[])arguments[1]!, arrivedAt);
                await SendRawAsync(BlazorPack.Invocation(null, "OnRenderCompleted", batchId, null));
                break;
            case "JS.EndUpdateRootComponents":
                started.TrySetResult();
                break;
            case "JS.EndInvokeDotNet":
                TaskCompletionSource<string>? pending;
                lock (pendingEvents)
                {
                    pendingEvents.Remove((string)arguments[0]!, out pending);
                }
                if (arguments[1] is true)
                {
                    pending?.TrySetResult((string?)arguments[2] ?? "");
                }
                else
                {
                    pending?.TrySetException(new InvalidOperationException($"The server failed the event: {arguments[2]}"));
                }
                break;
            case "JS.Error":
                Fail($"The circuit failed: {arguments.FirstOrDefault()}");
                break;
        }
    }

    private void OnRenderBatch(byte[] data, long arrivedAt)
    {
        lock (treeLock)
        {
            for (var index = textWatchers.Count - 1; index >= 0; index--)
            {
                if (RenderBatch.ContainsText(data, textWatchers[index].Text, textWatchers[index].Whole))
                {
                    textWatchers[index].Arrival.TrySetResult(new TextBatch(arrivedAt, RenderBatch.UpdatedComponentCount(data), data.Length));
                    textWatchers.RemoveAt(index);
                }
            }
            if (!keepsTree)
            {
                return;
            }
            tree.Apply(RenderBatch.Read(data));
            if (RoutesComponentId < 0 || waiters.Count == 0)
            {
                return;
            }
            var root = tree.Component(RoutesComponentId)!;
            for (var index = waiters.Count - 1; index >= 0; index--)
            {
                if (waiters[index].Probe(root) is { } found)
                {
                    waiters[index].Found.TrySetResult((found, arrivedAt));
                    waiters.RemoveAt(index);
                }
            }
        }
    }

    private async Task AnswerJsCallAsync(long asyncHandle, string identifier, string argumentsJson, long resultType)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            // [rendererId, {"__dotNetObject":N}, …]: N receives the page's UI events. The root components go with the answer.
            using var json = JsonDocument.Parse(argumentsJson);
            rendererObjectId = json.RootElement[1].GetProperty("__dotNetObject").GetInt64();
            await SendRawAsync(BlazorPack.Invocation(null, "UpdateRootComponents", operationsJson, applicationState));
        }
        if (asyncHandle == 0)
        {
            return;
        }
        var result = JsInteropAnswers.Answer(identifier, resultType, ref nextJsObjectId);
        if (result is null)
        {
            target.UnansweredJsCalls.AddOrUpdate(identifier, 1, (_, count) => count + 1);
        }
        await SendRawAsync(BlazorPack.Invocation(null, "EndInvokeJSFromDotNet",
            asyncHandle, true, $"[{asyncHandle},true,{result ?? "null"}]"));
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token))
            {
                await SendRawAsync(BlazorPack.PingMessage);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The tab is closing.
        }
    }

    private async Task SendRawAsync(byte[] frame)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket!.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private void Fail(string reason)
    {
        if (closing.IsCancellationRequested)
        {
            return;
        }
        Failure ??= reason;
        target.CircuitErrors.Enqueue(reason);
        var error = new InvalidOperationException(reason);
        started.TrySetException(error);
        handshake.TrySetException(error);
        lock (treeLock)
        {
            foreach (var waiter in waiters)
            {
                waiter.Found.TrySetException(error);
            }
            waiters.Clear();
            foreach (var (_, _, arrival) in textWatchers)
            {
                arrival.TrySetException(error);
            }
            textWatchers.Clear();
        }
        lock (pendingEvents)
        {
            foreach (var pending in pendingEvents.Values)
            {
                pending.TrySetException(error);
            }
            pendingEvents.Clear();
        }
    }

    private void RequireTree()
    {
        if (!keepsTree)
        {
            throw new InvalidOperationException("This client only watches for text; open it with keepsTree to read the page.");
        }
    }

    private async Task<string> GetStringAsync(string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await target.Http.SendAsync(request, cancellationToken);
        Remember(response);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(target.BaseUri, path));
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        if (cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", CookieHeader());
        }
        return request;
    }

    private string CookieHeader() => string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}"));

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var separator = pair.IndexOf('=');
            var name = pair[..separator].Trim();
            var content = pair[(separator + 1)..].Trim();
            if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = content;
            }
        }
    }

    private sealed record Waiter(Func<RenderedNode, object?> Probe)
    {
        public TaskCompletionSource<(object Found, long ArrivedAt)> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("<form[^>]*>(?:(?!</form>).)*name=\"_handler\" value=\"login\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex LoginForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}

/// <summary>A copy of an element found in the page: its handlers (as they were when found), owner component and text.</summary>
public sealed record ElementHandle(IReadOnlyDictionary<string, ulong> Handlers, int ComponentId, string Text, IReadOnlyDictionary<string, string?> Attributes)
{
    public static ElementHandle Of(RenderedNode node) =>
        new(new Dictionary<string, ulong>(node.Handlers), node.OwnerComponentId, RenderedTree.Normalize(node.TextContent()),
            new Dictionary<string, string?>(node.Attributes));
}

/// <summary>A render batch that carried a watched text: its arrival (a <see cref="Stopwatch"/> timestamp), the components it re-rendered, its size.</summary>
public sealed record TextBatch(long ArrivedAt, int UpdatedComponents, int Bytes);
