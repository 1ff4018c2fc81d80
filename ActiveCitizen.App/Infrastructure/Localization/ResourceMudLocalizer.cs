using ActiveCitizen.App.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ActiveCitizen.App.Infrastructure.Localization;

/// <summary>
/// MudBlazor's own texts (pager buttons, clear and close labels read by screen readers) from our resources under "MudBlazor.*";
/// MudBlazor falls back to its built-in English for any key we do not translate.
/// </summary>
public sealed class ResourceMudLocalizer(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public const string Prefix = "MudBlazor.";

    public override LocalizedString this[string key]
    {
        get
        {
            var text = strings[Prefix + key];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }
}
