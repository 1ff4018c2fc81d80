namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// What a browser answers to the JS interop calls the app's pages make (recorded from Chromium on this app). A typed call answered
/// with null would throw in the component that awaits it, so every call that expects a value gets one a real browser could give.
/// </summary>
public static class JsInteropAnswers
{
    private const int ObjectReference = 1;
    private const int Void = 3;

    /// <summary>The answer's JSON, or null when the identifier is unknown (the caller answers null and counts it).</summary>
    public static string? Answer(string identifier, long resultType, ref int nextObjectId)
    {
        if (resultType == ObjectReference)
        {
            // A module or object handle: the browser keeps the object and hands out a number for it.
            return $"{{\"__jsObjectId\":{nextObjectId++}}}";
        }
        if (resultType == Void)
        {
            return "null";
        }
        return Known.GetValueOrDefault(identifier);
    }

    private const string Nothing = "null";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        // Values, as Chromium answered them at 1300×900 in the light theme.
        ["mudThemeProvider.isDarkMode"] = "false",
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "0",
        ["mudElementRef.getBoundingClientRect"] =
            """{"x":0,"y":64,"width":240,"height":836,"top":64,"right":240,"bottom":900,"left":0,"scrollY":0,"scrollX":0,"windowHeight":900,"windowWidth":1300}""",
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":900,"width":1300}""",

        // Calls the browser answers with nothing, whatever their declared result.
        ["Blazor._internal.attachWebRendererInterop"] = Nothing,
        ["Blazor._internal.navigationManager.enableNavigationInterception"] = Nothing,
        ["Blazor._internal.PageTitle.getAndRemoveExistingTitle"] = Nothing,
        ["Blazor._internal.domWrapper.focusBySelector"] = Nothing,
        ["Blazor._internal.domWrapper.focus"] = Nothing,
        ["DotNet.disposeJSObjectReferenceById"] = Nothing,
        ["mudPopover.initialize"] = Nothing,
        ["mudPopover.connect"] = Nothing,
        ["mudThemeProvider.watchDarkMode"] = Nothing,
        ["mudResizeListenerFactory.listenForResize"] = Nothing,
        ["mudKeyInterceptor.connect"] = Nothing,
        ["mudKeyInterceptor.disconnect"] = Nothing,
        ["mudElementRef.addOnBlurEvent"] = Nothing,
        ["mudElementRef.select"] = Nothing,
        ["mudInputSizing.init"] = Nothing,
        ["mudInputSizing.adjustHeight"] = Nothing,
        ["mudPointerEventsNone.listenForPointerEvents"] = Nothing,
        ["mudPointerEventsNone.cancelListener"] = Nothing,
        ["start"] = Nothing,
        ["stop"] = Nothing,
    };
}
