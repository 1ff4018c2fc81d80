using ActiveCitizen.App.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace ActiveCitizen.App.Shared.StaticForms;

/// <summary>
/// Validates an <see cref="EditForm"/> whose model is an <see cref="IValidatableInput"/> and shows each error in the reader's language.
/// Put it inside the form in place of DataAnnotationsValidator.
/// </summary>
public sealed class InputValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribedContext;

    [CascadingParameter] private EditContext? EditContext { get; set; }
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(InputValidator)} must be placed inside an EditForm.");
        }
        if (EditContext == subscribedContext)
        {
            return;
        }
        Detach();
        subscribedContext = EditContext;
        messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateAll;
        EditContext.OnFieldChanged += ValidateField;
    }

    private void ValidateAll(object? sender, ValidationRequestedEventArgs e)
    {
        messages!.Clear();
        foreach (var error in Errors())
        {
            messages.Add(subscribedContext!.Field(error.Field), L.Message(error));
        }
        subscribedContext!.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        messages!.Clear(e.FieldIdentifier);
        foreach (var error in Errors().Where(error => error.Field == e.FieldIdentifier.FieldName))
        {
            messages.Add(e.FieldIdentifier, L.Message(error));
        }
        subscribedContext!.NotifyValidationStateChanged();
    }

    private IEnumerable<FieldError> Errors() => subscribedContext!.Model is IValidatableInput input
        ? input.Validate()
        : throw new InvalidOperationException($"The form model must implement {nameof(IValidatableInput)}.");

    private void Detach()
    {
        if (subscribedContext is not null)
        {
            subscribedContext.OnValidationRequested -= ValidateAll;
            subscribedContext.OnFieldChanged -= ValidateField;
        }
    }

    public void Dispose() => Detach();
}
