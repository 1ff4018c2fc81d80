using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>The demo campaign's questions, stage by stage: checkable facts about Moscow, its museums and its online services.</summary>
internal static class DemoQuizContent
{
    public sealed record DemoOption(LocalizedText Text, bool Correct);

    public sealed record DemoQuestion(QuestionKind Kind, LocalizedText Text, LocalizedText Explanation, string? Image, IReadOnlyList<DemoOption> Options);

    private static LocalizedText T(string en, string ru) => LocalizedText.Of(en, ru);
    private static DemoOption Right(string en, string ru) => new(T(en, ru), true);
    private static DemoOption Wrong(string en, string ru) => new(T(en, ru), false);

    public static readonly IReadOnlyList<DemoQuestion> RecognizeMoscow =
    [
        new DemoQuestion(QuestionKind.SingleChoice,
            T("This steel lattice radio tower was built in Moscow in 1920–1922. Which engineer designed it?",
              "Эта стальная сетчатая радиобашня была построена в Москве в 1920–1922 годах. Какой инженер её спроектировал?"),
            T("The radio tower on Shabolovka Street was designed by Vladimir Shukhov: six stacked hyperboloid sections made of straight steel members, about 160 m tall.",
              "Радиобашню на Шаболовке спроектировал Владимир Шухов: шесть поставленных друг на друга гиперболоидных секций из прямых стальных элементов, высота — около 160 м."),
            "/quiz/picture-1.svg",
            [
                Wrong("Gustave Eiffel", "Гюстав Эйфель"),
                Right("Vladimir Shukhov", "Владимир Шухов"),
                Wrong("Sergei Korolev", "Сергей Королёв"),
                Wrong("Konstantin Tsiolkovsky", "Константин Циолковский"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("This television tower was completed in Moscow in 1967. How tall is it?",
              "Эту телебашню достроили в Москве в 1967 году. Какова её высота?"),
            T("The Ostankino Tower is about 540 m tall and is still the tallest free-standing structure in Europe.",
              "Останкинская телебашня высотой около 540 м до сих пор остаётся самым высоким свободно стоящим сооружением в Европе."),
            "/quiz/picture-2.svg",
            [
                Wrong("About 330 m", "Около 330 м"),
                Wrong("About 160 m", "Около 160 м"),
                Right("About 540 m", "Около 540 м"),
                Wrong("About 828 m", "Около 828 м"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which year is Moscow first mentioned in the chronicles?",
              "В каком году Москва впервые упоминается в летописи?"),
            T("The first chronicle mention of Moscow dates to 1147, when Prince Yuri Dolgoruky invited his ally Prince Sviatoslav Olgovich to meet him there.",
              "Первое летописное упоминание Москвы относится к 1147 году: князь Юрий Долгорукий пригласил туда на встречу своего союзника князя Святослава Ольговича."),
            null,
            [
                Wrong("862", "862"),
                Right("1147", "1147"),
                Wrong("1380", "1380"),
                Wrong("1703", "1703"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which year did the Moscow Metro carry its first passengers?",
              "В каком году Московский метрополитен принял первых пассажиров?"),
            T("The first Moscow Metro line opened on 15 May 1935, running from Sokolniki to Park Kultury with a branch to Smolenskaya.",
              "Первая линия Московского метрополитена открылась 15 мая 1935 года: она шла от «Сокольников» до «Парка культуры» с ответвлением к «Смоленской»."),
            null,
            [
                Wrong("1913", "1913"),
                Wrong("1957", "1957"),
                Wrong("1980", "1980"),
                Right("1935", "1935"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which god drives the four-horse chariot (quadriga) above the portico of the Bolshoi Theatre?",
              "Какой бог правит колесницей-квадригой над портиком Большого театра?"),
            T("The bronze quadriga of Apollo, patron of the arts, was made by the sculptor Pyotr Klodt for the theatre rebuilt in the 1850s.",
              "Бронзовую квадригу Аполлона, покровителя искусств, создал скульптор Пётр Клодт для восстановленного в 1850-х годах театра."),
            null,
            [
                Wrong("Zeus", "Зевс"),
                Wrong("Poseidon", "Посейдон"),
                Right("Apollo", "Аполлон"),
                Wrong("Hermes", "Гермес"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("Which of these Moscow sites are on the UNESCO World Heritage List?",
              "Какие из этих московских объектов входят в Список всемирного наследия ЮНЕСКО?"),
            T("Moscow has three UNESCO World Heritage Sites: the Kremlin and Red Square, the Church of the Ascension in Kolomenskoye and the Novodevichy Convent ensemble.",
              "В Москве три объекта всемирного наследия ЮНЕСКО: Кремль и Красная площадь, церковь Вознесения в Коломенском и ансамбль Новодевичьего монастыря."),
            null,
            [
                Right("The Kremlin and Red Square", "Кремль и Красная площадь"),
                Wrong("The Ostankino Tower", "Останкинская телебашня"),
                Right("The Church of the Ascension in Kolomenskoye", "Церковь Вознесения в Коломенском"),
                Wrong("The Moscow City business district", "Деловой центр «Москва-Сити»"),
                Right("The Novodevichy Convent", "Новодевичий монастырь"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("Which of these stand on Red Square?",
              "Что из перечисленного находится на Красной площади?"),
            T("St Basil's Cathedral, Lenin's Mausoleum and GUM are on Red Square; the Bolshoi Theatre is on Teatralnaya Square, and the Cathedral of Christ the Saviour is on Volkhonka Street.",
              "Храм Василия Блаженного, Мавзолей Ленина и ГУМ стоят на Красной площади, а Большой театр — на Театральной площади, храм Христа Спасителя — на улице Волхонке."),
            null,
            [
                Right("St Basil's Cathedral", "Храм Василия Блаженного"),
                Wrong("The Bolshoi Theatre", "Большой театр"),
                Right("Lenin's Mausoleum", "Мавзолей Ленина"),
                Wrong("The Cathedral of Christ the Saviour", "Храм Христа Спасителя"),
                Right("The GUM department store", "Универмаг ГУМ"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which is the tallest of Moscow's seven Stalinist skyscrapers, the 'Seven Sisters'?",
              "Какая из семи сталинских высоток Москвы самая высокая?"),
            T("The main building of Lomonosov Moscow State University on Sparrow Hills, opened in 1953, is about 240 m tall including its spire.",
              "Главное здание МГУ имени М. В. Ломоносова на Воробьёвых горах, открытое в 1953 году, вместе со шпилем достигает высоты около 240 м."),
            null,
            [
                Wrong("The Hotel Ukraina", "Гостиница «Украина»"),
                Right("The main building of Moscow State University", "Главное здание МГУ"),
                Wrong("The building on Kotelnicheskaya Embankment", "Дом на Котельнической набережной"),
                Wrong("The Ministry of Foreign Affairs building", "Здание МИД"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which old pedestrian street is home to the Vakhtangov Theatre and is famous for its street artists and musicians?",
              "На какой старинной пешеходной улице находится Театр имени Вахтангова и всегда много уличных художников и музыкантов?"),
            T("The Arbat, one of Moscow's oldest streets, became the city's first pedestrian street in the 1980s; the Vakhtangov Theatre stands at No. 26.",
              "Арбат — одна из старейших улиц Москвы; в 1980-х годах он стал первой пешеходной улицей города, а в доме № 26 находится Театр имени Вахтангова."),
            null,
            [
                Wrong("Tverskaya Street", "Тверская улица"),
                Wrong("Leninsky Prospekt", "Ленинский проспект"),
                Right("The Arbat", "Арбат"),
                Wrong("Myasnitskaya Street", "Мясницкая улица"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which park next to the Kremlin, opened in 2017, has a 'Floating Bridge' that juts out over the Moskva River?",
              "В каком парке рядом с Кремлём, открытом в 2017 году, есть «Парящий мост», выступающий над Москвой-рекой?"),
            T("Zaryadye Park opened in September 2017 on the site of the demolished Rossiya Hotel; its V-shaped Floating Bridge cantilevers out over the river.",
              "Парк «Зарядье» открылся в сентябре 2017 года на месте снесённой гостиницы «Россия»; его V-образный «Парящий мост» выступает консолью над рекой."),
            null,
            [
                Right("Zaryadye", "«Зарядье»"),
                Wrong("Gorky Park", "Парк Горького"),
                Wrong("Sokolniki", "Сокольники"),
                Wrong("Neskuchny Garden", "Нескучный сад"),
            ]),
    ];

    public static readonly IReadOnlyList<DemoQuestion> MuseumMoscowOnline =
    [
        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which museum is located in the base of this monument?",
              "Какой музей находится в основании этого памятника?"),
            T("The Monument to the Conquerors of Space near VDNKh, a titanium-clad trail with a rocket on top, was unveiled in 1964; the Museum of Cosmonautics opened in its base in 1981.",
              "Монумент «Покорителям космоса» у ВДНХ — облицованный титаном шлейф с ракетой на вершине — открыли в 1964 году, а в 1981 году в его основании открылся Музей космонавтики."),
            "/quiz/picture-3.svg",
            [
                Wrong("The State Historical Museum", "Государственный исторический музей"),
                Wrong("The Darwin Museum", "Дарвиновский музей"),
                Right("The Museum of Cosmonautics", "Музей космонавтики"),
                Wrong("The Pushkin Museum of Fine Arts", "ГМИИ имени А. С. Пушкина"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("The Tretyakov Gallery dates its founding to the year Pavel Tretyakov bought his first paintings. Which year was it?",
              "Третьяковская галерея ведёт свою историю с года, когда Павел Третьяков приобрёл первые картины. Какой это год?"),
            T("In 1856 the merchant Pavel Tretyakov bought his first works by Russian artists; in 1892 he gave his gallery to the city of Moscow.",
              "В 1856 году купец Павел Третьяков купил первые работы русских художников, а в 1892 году передал свою галерею в дар Москве."),
            null,
            [
                Wrong("1756", "1756"),
                Right("1856", "1856"),
                Wrong("1918", "1918"),
                Wrong("1961", "1961"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Who painted the 'Black Square' (1915) held by the Tretyakov Gallery?",
              "Кто написал «Чёрный квадрат» (1915), хранящийся в Третьяковской галерее?"),
            T("Kazimir Malevich painted the first 'Black Square' in 1915; it became the symbol of Suprematism and is shown in the Tretyakov Gallery's building on Krymsky Val.",
              "Казимир Малевич написал первый «Чёрный квадрат» в 1915 году; картина стала символом супрематизма и экспонируется в здании Третьяковской галереи на Крымском Валу."),
            null,
            [
                Wrong("Wassily Kandinsky", "Василий Кандинский"),
                Wrong("Ilya Repin", "Илья Репин"),
                Wrong("Ivan Aivazovsky", "Иван Айвазовский"),
                Right("Kazimir Malevich", "Казимир Малевич"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which professor founded the Pushkin State Museum of Fine Arts, which opened in 1912?",
              "Какой профессор основал ГМИИ имени А. С. Пушкина, открывшийся в 1912 году?"),
            T("The museum was founded by Professor Ivan Tsvetaev, father of the poet Marina Tsvetaeva; it opened in 1912 as the Alexander III Museum of Fine Arts.",
              "Музей основал профессор Иван Цветаев, отец поэтессы Марины Цветаевой; он открылся в 1912 году как Музей изящных искусств имени императора Александра III."),
            null,
            [
                Right("Ivan Tsvetaev", "Иван Цветаев"),
                Wrong("Pavel Tretyakov", "Павел Третьяков"),
                Wrong("Dmitri Mendeleev", "Дмитрий Менделеев"),
                Wrong("Savva Mamontov", "Савва Мамонтов"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Where is the Armoury Chamber, the treasury museum that keeps the Cap of Monomakh and Fabergé eggs?",
              "Где находится Оружейная палата — музей-сокровищница, где хранятся шапка Мономаха и яйца Фаберже?"),
            T("The Armoury Chamber is inside the Moscow Kremlin; its collection includes the Cap of Monomakh, royal carriages, thrones and Fabergé eggs.",
              "Оружейная палата находится в Московском Кремле; в её собрании — шапка Мономаха, царские кареты, троны и яйца Фаберже."),
            null,
            [
                Wrong("At VDNKh", "На ВДНХ"),
                Right("In the Moscow Kremlin", "В Московском Кремле"),
                Wrong("In Gorky Park", "В парке Горького"),
                Wrong("In Sokolniki Park", "В парке «Сокольники»"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which park is the Garage Museum of Contemporary Art located?",
              "В каком парке находится Музей современного искусства «Гараж»?"),
            T("Garage has been in Gorky Park since 2012; its main building, a 1960s Soviet restaurant rebuilt to a design by Rem Koolhaas, opened in 2015.",
              "«Гараж» работает в парке Горького с 2012 года; его основное здание — бывший советский ресторан 1960-х годов, перестроенный по проекту Рема Колхаса, — открылось в 2015 году."),
            null,
            [
                Wrong("Sokolniki", "Сокольники"),
                Wrong("Izmailovsky Park", "Измайловский парк"),
                Right("Gorky Park", "Парк Горького"),
                Wrong("Zaryadye", "«Зарядье»"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("For which empress was the palace ensemble of Tsaritsyno built?",
              "Для какой императрицы строился дворцовый ансамбль Царицыно?"),
            T("Tsaritsyno was built for Catherine the Great, first by the architect Vasily Bazhenov and then by Matvei Kazakov; today it is a museum-reserve.",
              "Царицыно строили для Екатерины II: сначала по проекту архитектора Василия Баженова, затем — Матвея Казакова; сегодня это музей-заповедник."),
            null,
            [
                Wrong("Elizabeth", "Елизавета Петровна"),
                Right("Catherine the Great", "Екатерина II"),
                Wrong("Anna Ioannovna", "Анна Иоанновна"),
                Wrong("Catherine I", "Екатерина I"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("Which of these paintings can you see in the Tretyakov Gallery?",
              "Какие из этих картин можно увидеть в Третьяковской галерее?"),
            T("The works by Shishkin and Savitsky, Vasnetsov and Surikov hang in the Tretyakov Gallery; the 'Mona Lisa' is in the Louvre in Paris and 'The Starry Night' at MoMA in New York.",
              "Картины Шишкина и Савицкого, Васнецова и Сурикова хранятся в Третьяковской галерее, а «Мона Лиза» — в парижском Лувре, «Звёздная ночь» — в Музее современного искусства (MoMA) в Нью-Йорке."),
            null,
            [
                Right("'Morning in a Pine Forest' by Ivan Shishkin and Konstantin Savitsky", "«Утро в сосновом лесу» Ивана Шишкина и Константина Савицкого"),
                Wrong("'Mona Lisa' by Leonardo da Vinci", "«Мона Лиза» Леонардо да Винчи"),
                Right("'Bogatyrs' by Viktor Vasnetsov", "«Богатыри» Виктора Васнецова"),
                Wrong("'The Starry Night' by Vincent van Gogh", "«Звёздная ночь» Винсента Ван Гога"),
                Right("'Boyarynya Morozova' by Vasily Surikov", "«Боярыня Морозова» Василия Сурикова"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("The Pushkin Museum's famous Impressionist and Post-Impressionist paintings come largely from which Moscow collectors?",
              "Из собраний каких московских коллекционеров в основном происходят знаменитые картины импрессионистов и постимпрессионистов Пушкинского музея?"),
            T("Many of these works were collected by the merchants Sergei Shchukin and Ivan Morozov; their collections were nationalised after 1917 and in 1948 divided between the Pushkin Museum and the Hermitage.",
              "Многие из этих работ собрали купцы Сергей Щукин и Иван Морозов; после 1917 года их коллекции национализировали, а в 1948 году разделили между Пушкинским музеем и Эрмитажем."),
            null,
            [
                Wrong("Pavel Tretyakov", "Павел Третьяков"),
                Right("Sergei Shchukin", "Сергей Щукин"),
                Wrong("Savva Mamontov", "Савва Мамонтов"),
                Right("Ivan Morozov", "Иван Морозов"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which museum-reserve was Tsar Alexei Mikhailovich's wooden palace recreated in 2010?",
              "В каком музее-заповеднике в 2010 году воссоздали деревянный дворец царя Алексея Михайловича?"),
            T("The original palace in Kolomenskoye was dismantled in the 18th century; in 2010 it was rebuilt there from surviving drawings and descriptions.",
              "Подлинный дворец в Коломенском разобрали в XVIII веке, а в 2010 году его воссоздали там по сохранившимся чертежам и описаниям."),
            null,
            [
                Wrong("Tsaritsyno", "Царицыно"),
                Wrong("Kuskovo", "Кусково"),
                Right("Kolomenskoye", "Коломенское"),
                Wrong("Arkhangelskoye", "Архангельское"),
            ]),
    ];

    public static readonly IReadOnlyList<DemoQuestion> MoscowESchool =
    [
        new DemoQuestion(QuestionKind.SingleChoice,
            T("What is МЭШ (MES) in Moscow?",
              "Что такое МЭШ в Москве?"),
            T("МЭШ, the Moscow Electronic School, is the city's digital platform for teachers, students and parents, with a library of lesson materials and tests.",
              "МЭШ — Московская электронная школа — городская цифровая платформа для учителей, учеников и родителей с библиотекой материалов к урокам и тестов."),
            null,
            [
                Wrong("The metro's ticketing system", "Система продажи билетов в метро"),
                Right("The city's digital platform for schools", "Городская цифровая платформа для школ"),
                Wrong("A network of sports schools", "Сеть спортивных школ"),
                Wrong("The city's emergency warning service", "Городская служба экстренного оповещения"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Where in the Moscow Electronic School can parents see their child's marks and homework?",
              "Где в Московской электронной школе родители могут увидеть оценки и домашние задания ребёнка?"),
            T("The electronic diary shows a student's marks, timetable and homework; teachers fill in the electronic class journal linked to it.",
              "В электронном дневнике видны оценки, расписание и домашние задания ученика, а учителя заполняют связанный с ним электронный журнал."),
            null,
            [
                Right("In the electronic diary", "В электронном дневнике"),
                Wrong("On the Troika card", "На карте «Тройка»"),
                Wrong("By calling 112", "Позвонив по номеру 112"),
                Wrong("In the Active Citizen app", "В приложении «Активный гражданин»"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("Which of these can Muscovites do online on mos.ru?",
              "Что из этого москвичи могут сделать онлайн на mos.ru?"),
            T("mos.ru is the official portal of the Mayor and Government of Moscow, with many city services online, such as school enrolment, doctor's appointments and meter readings.",
              "mos.ru — официальный портал Мэра и Правительства Москвы; на нём онлайн доступны многие городские услуги, например запись в школу, запись к врачу и передача показаний счётчиков."),
            null,
            [
                Right("Enrol a child in the first grade of school", "Записать ребёнка в первый класс"),
                Wrong("Apply for another country's visa", "Оформить визу другой страны"),
                Right("Submit water meter readings", "Передать показания счётчиков воды"),
                Right("Book an appointment at a city clinic", "Записаться к врачу в городскую поликлинику"),
                Wrong("Buy a plane ticket", "Купить авиабилет"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which year did Moscow launch Active Citizen, its project for online city votes?",
              "В каком году в Москве запустили «Активный гражданин» — проект электронных городских голосований?"),
            T("Active Citizen was launched in May 2014: Muscovites vote on city questions and earn points that can be exchanged for rewards.",
              "«Активный гражданин» запустили в мае 2014 года: москвичи голосуют по городским вопросам и получают баллы, которые можно обменять на поощрения."),
            null,
            [
                Wrong("2004", "2004"),
                Wrong("2024", "2024"),
                Right("2014", "2014"),
                Wrong("1994", "1994"),
            ]),

        new DemoQuestion(QuestionKind.MultipleChoice,
            T("Which of these can you pay for with a Troika card?",
              "Что из этого можно оплатить картой «Тройка»?"),
            T("Troika, introduced in 2013, is Moscow's rechargeable contactless transport card: it pays for the metro, the MCC, buses and trams, but not for bills or official documents.",
              "«Тройка», появившаяся в 2013 году, — пополняемая бесконтактная транспортная карта Москвы: ею оплачивают проезд в метро, на МЦК, в автобусах и трамваях, но не счета и не оформление документов."),
            null,
            [
                Right("A metro ride", "Поездку в метро"),
                Wrong("A utility bill", "Счёт за коммунальные услуги"),
                Right("A ride on a city bus", "Поездку на городском автобусе"),
                Right("A ride on the Moscow Central Circle", "Поездку по Московскому центральному кольцу"),
                Wrong("A new passport", "Оформление паспорта"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("In which year did the Moscow Central Circle (MCC) open to passengers?",
              "В каком году Московское центральное кольцо (МЦК) открылось для пассажиров?"),
            T("The MCC opened on 10 September 2016, bringing frequent passenger trains to the 54 km Small Ring of the Moscow Railway.",
              "МЦК открылось 10 сентября 2016 года: по 54-километровому Малому кольцу Московской железной дороги пустили частые пассажирские поезда."),
            null,
            [
                Wrong("1935", "1935"),
                Wrong("1990", "1990"),
                Right("2016", "2016"),
                Wrong("2023", "2023"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("What are the Moscow Central Diameters (MCD), launched in 2019?",
              "Что такое Московские центральные диаметры (МЦД), запущенные в 2019 году?"),
            T("The first two diameters, MCD-1 (Odintsovo–Lobnya) and MCD-2 (Nakhabino–Podolsk), opened on 21 November 2019, joining suburban railway lines through the city.",
              "Первые два диаметра — МЦД-1 (Одинцово — Лобня) и МЦД-2 (Нахабино — Подольск) — открылись 21 ноября 2019 года и связали пригородные железнодорожные направления через город."),
            null,
            [
                Wrong("A ring railway around the city centre", "Кольцевая железная дорога вокруг центра города"),
                Wrong("A cable car across the Moskva River", "Канатная дорога через Москву-реку"),
                Right("Through rail lines running trains from the suburbs on one side of Moscow, across the city, to the other side", "Сквозные железнодорожные линии: поезда идут из пригородов с одной стороны Москвы через город в пригороды с другой"),
                Wrong("Bike lanes across the city centre", "Велодорожки через центр города"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("What are the 'My Documents' centres in Moscow?",
              "Что такое центры «Мои документы» в Москве?"),
            T("'My Documents' are Moscow's one-stop public service centres: there you can, for example, get a Russian passport or register a child's birth.",
              "«Мои документы» — центры госуслуг Москвы, работающие по принципу одного окна: здесь можно, например, получить паспорт гражданина России или зарегистрировать рождение ребёнка."),
            null,
            [
                Wrong("Public libraries with document archives", "Публичные библиотеки с архивами документов"),
                Wrong("Private notary offices", "Частные нотариальные конторы"),
                Right("Public service centres where you can apply for many city and federal services in one place", "Центры госуслуг, где в одном месте можно получить многие городские и федеральные услуги"),
                Wrong("Lost property offices of the Moscow Metro", "Бюро находок Московского метрополитена"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("Which single number calls the emergency services (fire, police, ambulance) from any phone?",
              "По какому единому номеру можно вызвать экстренные службы (пожарных, полицию, скорую помощь) с любого телефона?"),
            T("112 is the single emergency number: it connects to the fire service, police, ambulance and gas service, and works from a mobile phone even with zero balance or no SIM card.",
              "112 — единый номер вызова экстренных служб: он соединяет с пожарными, полицией, скорой помощью и газовой службой и работает с мобильного телефона даже при нулевом балансе и без SIM-карты."),
            null,
            [
                Wrong("404", "404"),
                Right("112", "112"),
                Wrong("555", "555"),
                Wrong("777", "777"),
            ]),

        new DemoQuestion(QuestionKind.SingleChoice,
            T("What is EMIAS (ЕМИАС) in Moscow?",
              "Что такое ЕМИАС в Москве?"),
            T("EMIAS, the Unified Medical Information and Analytical System, lets Muscovites book appointments at city clinics and keeps electronic medical records and prescriptions.",
              "ЕМИАС — Единая медицинская информационно-аналитическая система: через неё москвичи записываются к врачам городских поликлиник, в ней хранятся электронные медкарты и рецепты."),
            null,
            [
                Wrong("The metro's train control system", "Система управления поездами метро"),
                Wrong("The school electronic diary", "Электронный дневник школьника"),
                Wrong("A network of traffic cameras", "Сеть камер фиксации нарушений ПДД"),
                Right("The city's healthcare information system for booking doctors and keeping electronic medical records", "Городская медицинская информационная система для записи к врачу и ведения электронных медкарт"),
            ]),
    ];
}
