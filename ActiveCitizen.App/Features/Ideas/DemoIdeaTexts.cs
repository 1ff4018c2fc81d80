namespace ActiveCitizen.App.Features.Ideas;

/// <summary>The demo's ideas, written the way residents write them, in English and Russian.</summary>
internal static class DemoIdeaTexts
{
    /// <summary>Housing-services ideas: title, description, index of the category (Payments, Meter readings, Repairs, Notifications, Sign-in).</summary>
    public static readonly (string Title, string Description, int Category)[] Housing =
    [
        ("Show the full bill breakdown before paying",
         "Right now the account shows one total. I want to see each service (heating, water, maintenance, waste) with the tariff and the volume before I press Pay, so I can spot mistakes.", 0),
        ("Передавать показания счётчиков по фото",
         "Хочу просто сфотографировать счётчик, а приложение само распознает цифры. Сейчас приходится переписывать длинные номера, и я постоянно ошибаюсь в одной цифре.", 1),
        ("Reminder two days before the meter reading deadline",
         "Every month I forget the 15th and get charged by the average. A push notification or e-mail two days before the deadline would fix this for thousands of people.", 3),
        ("Оплата за несколько квартир в одном кабинете",
         "У меня квартира и квартира мамы. Приходится выходить из одного кабинета и входить в другой. Пусть можно будет добавить несколько адресов и платить за всё сразу.", 0),
        ("Track a repair request like a parcel",
         "When I call about a leaking pipe I never know what happens next. Show the request with its status (accepted, master assigned, on the way, done) and the master's arrival window.", 2),
        ("Автоплатёж с подтверждением суммы",
         "Автоплатёж удобен, но страшно: вдруг придёт ошибочная сумма. Предлагаю автоплатёж, который за день присылает сумму и списывает её, только если я не возражаю.", 0),
        ("Let me rate the work of the management company",
         "After a repair I would like to leave a rating and a short comment. Aggregated ratings per building should be public so neighbours can compare and the city can react.", 2),
        ("Вход без пароля через портал госуслуг города",
         "Каждый раз забываю пароль от кабинета. Вход через единую учётную запись города решил бы проблему, и не нужно заводить ещё один пароль.", 4),
        ("History of meter readings as a chart",
         "A simple chart of my water and electricity readings by month would show leaks early. Last year a running toilet cost me a fortune and I only noticed in the bill.", 1),
        ("Уведомлять об отключении горячей воды заранее",
         "Объявления на подъезде срывают. Пусть кабинет присылает уведомление об отключении воды по моему адресу за неделю и накануне.", 3),
        ("Pay with a QR code from the paper bill",
         "Many older residents still get the paper bill. A QR code on it that opens the payment page with everything filled in would make paying online much easier for them.", 0),
        ("Заявка на ремонт с фотографией",
         "При вызове мастера хочу приложить фото проблемы: протечка, трещина, сломанный домофон. Мастер сразу поймёт, что брать с собой, и не придётся приходить дважды.", 2),
        ("Family access for elderly parents",
         "My father is 84. I would like to manage his account with his consent: send his readings and pay his bills without sharing his password.", 4),
        ("Показывать долг по капремонту отдельно",
         "Сейчас взнос на капремонт теряется в общей сумме. Хочу видеть отдельно, сколько начислено, сколько оплачено и есть ли долг.", 0),
        ("Explain every change in the tariff",
         "When the amount goes up I want a short explanation: the tariff changed on this date by this much, or my usage grew. Right now it just looks like a random increase.", 3),
        ("Мобильное приложение для показаний без входа",
         "Для передачи показаний не нужен полный вход. Достаточно номера лицевого счёта и кода из квитанции, как в банкоматах. Это сэкономит время пожилым людям.", 1),
        ("Book a time slot for the plumber",
         "Instead of waiting all day, let me choose a two-hour window online, like booking a doctor. The master gets my slot and the address automatically.", 2),
        ("Единая лента новостей дома",
         "Собрание жильцов, уборка снега, ремонт лифта — всё это должно быть в одной ленте по моему дому, а не на разных сайтах и досках объявлений.", 3),
        ("Accessible version for screen readers",
         "I am blind and use a screen reader. Many buttons in the account have no labels and the captcha is impossible. Please test the account with blind users.", 4),
        ("Перерасчёт за отсутствие онлайн",
         "Если я уезжаю на три месяца, заявление на перерасчёт надо нести лично. Предлагаю подавать его в кабинете с приложением билетов.", 0),
        ("Warn me when a reading looks wrong",
         "If I type 1450 instead of 145, the system should ask 'are you sure? this is ten times your usual'. It would prevent huge wrong bills.", 1),
        ("Голосование жильцов дома онлайн",
         "Общие собрания невозможно собрать. Пусть в кабинете можно будет голосовать по вопросам дома с подтверждением через учётную запись.", 4),
        ("Dark mode and larger fonts",
         "The account is hard to read in the evening and on small phones. A dark theme and a setting for bigger text would help a lot of people.", 4),
        ("Квитанция на английском языке",
         "В нашем доме много иностранных специалистов. Квитанция и кабинет на английском помогли бы им платить вовремя без помощи соседей.", 0),
        ("Show who is responsible for each problem",
         "Is the broken street lamp the management company's job or the district's? The account should tell me where each type of problem goes.", 2),
        ("Напоминание о поверке счётчиков",
         "Срок поверки счётчика легко пропустить, а потом начисляют по нормативу. Пусть кабинет знает дату поверки и напоминает за месяц.", 1),
        ("Split the bill between flatmates",
         "Three of us rent a flat together. Let the account split the payment into shares and let each of us pay our part with our own card.", 0),
        ("Отчёт управляющей компании простыми словами",
         "Годовой отчёт управляющей компании — это сотни страниц. Нужна короткая сводка: сколько собрали, на что потратили, что отремонтировали.", 3),
        ("Emergency button for urgent repairs",
         "A flooding flat cannot wait for a normal request. A separate red button that calls the emergency service with my address already known would save time.", 2),
        ("Подтверждение выполненных работ жильцом",
         "Работы в подъезде часто отмечают выполненными, хотя их не было. Пусть жильцы подтверждают выполнение в кабинете, прежде чем работы оплатят.", 2),
        ("Receipts that tax software understands",
         "I need to keep payment receipts for tax deductions. Please let me download all receipts for a year as one file in a standard format.", 0),
        ("Уведомления в мессенджере вместо СМС",
         "СМС часто теряются среди рекламы. Пусть уведомления о счетах и заявках приходят в удобный мне мессенджер.", 3),
    ];

    /// <summary>Culture-project venues and improvements; combined per district into the 46 approved ideas and the others.</summary>
    /// <summary>Courtyard ideas: title, description, category (Playgrounds, Lighting and safety, Greenery), and the verdict so far if any.</summary>
    public static readonly (string Title, string Description, int Category, bool? Feasible, string? Explanation)[] Yards =
    [
        ("Rubber surface under the swings", "The ground under the swings in our yard turns to mud every spring and children fall on hard edges. A rubber surface would fix both.", 0,
         true, "Standard work for the district council; fits the summer renewal programme."),
        ("Освещение у мусорных площадок", "Вечером к контейнерам идти страшно: там совсем темно. Нужен хотя бы один фонарь с датчиком движения у каждой площадки.", 1,
         true, "Фонари с датчиком движения входят в типовой проект благоустройства; стоимость невысокая."),
        ("A climbing frame for older children", "Our playground only has toys for toddlers. Children of 8 to 12 have nothing to do and play on the car park instead.", 0, null, null),
        ("Посадить сирень вдоль забора школы", "Вдоль забора школы пустая полоса земли. Кусты сирени закрыли бы дорогу от детей и весной радовали бы весь двор.", 2,
         true, "Посадка кустарника возможна, полоса не занята коммуникациями."),
        ("Covered parking for bicycles", "Residents keep bicycles on the stairs because there is nowhere safe outside. A covered rack with locks would free the stairwells.", 1, null, null),
        ("Фонтан в центре двора", "Хотелось бы небольшой фонтан в центре двора, чтобы летом было прохладнее.", 2,
         false, "Во дворе нет подводки воды и канализации для фонтана; прокладка сетей не входит в программу."),
        ("Benches with backs near the entrances", "Older neighbours sit on the low fence because the only bench is far away. Two benches with backs near the entrances would help.", 0, null, null),
        ("Камеры у детской площадки", "На площадке по вечерам ломают качели. Камера, подключённая к городской системе, остановила бы вандалов.", 1, null, null),
        ("Replace the dead trees by the car park", "Three trees by the car park died last summer and may fall on cars. They should be removed and replaced with young ones.", 2, null, null),
        ("Площадка для выгула собак", "Собак выгуливают прямо на газоне у детской площадки. Отдельная огороженная площадка решила бы спор соседей.", 0, null, null),
        ("Mark a safe crossing to the school", "Children cross the yard's driveway on the way to school where cars turn fast. A painted crossing and a speed bump would make it safe.", 1, null, null),
        ("Клумбы, за которыми ухаживают жители", "Мы с соседями готовы сами ухаживать за клумбами, если управа выделит землю и рассаду.", 2, null, null),
    ];

    public static readonly (string En, string Ru, int Category)[] CultureVenues =
    [
        ("the district library", "районной библиотеке", 1),
        ("the local history museum", "краеведческом музее", 0),
        ("the neighbourhood park", "парке у дома", 2),
        ("the children's library", "детской библиотеке", 1),
        ("the art museum branch", "филиале художественного музея", 0),
    ];

    public static readonly (string En, string Ru)[] CultureImprovements =
    [
        ("Open on Sunday evenings", "Работать в воскресенье вечером"),
        ("Free guided tours for pensioners", "Бесплатные экскурсии для пенсионеров"),
        ("Outdoor reading area in summer", "Летний читальный зал на открытом воздухе"),
        ("Lectures by local historians", "Лекции местных краеведов"),
        ("Family workshops on weekends", "Семейные мастерские по выходным"),
    ];
}
