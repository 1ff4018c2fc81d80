using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Infrastructure.Localization;

/// <summary>
/// The resource localizers, with each text kept once per language after its first lookup. ResourceManager takes two locks for
/// every lookup; a live event re-renders a thousand readers' pages at once, dozens of texts each, and the threads queued on those
/// locks (measured in the fan-out benchmark).
/// </summary>
public sealed class CachedStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory resources = new(options, loggers);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, static (type, resources) => new CachedStringLocalizer(resources.Create(type)), resources);

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), static (key, resources) => new CachedStringLocalizer(resources.Create(key.BaseName, key.Location)), resources);
}

public sealed class CachedStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (texts.TryGetValue(key, out var kept))
            {
                return kept;
            }
            var text = resources[name];
            // Only texts that exist are kept: a name can come from a request (a status cookie), and misses must not grow the cache.
            if (!text.ResourceNotFound)
            {
                texts.TryAdd(key, text);
            }
            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            // Formatted as ResourceManagerStringLocalizer formats: in the current culture; a missing text shows its name.
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}

public static class CachedLocalization
{
    /// <summary>AddLocalization, with the resource localizers cached per language.</summary>
    public static IServiceCollection AddCachedLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());
        return services;
    }
}
