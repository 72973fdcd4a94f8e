# Les écrans de DukaDesk en français. Le nom à gauche reste tel quel ;
# traduisez les mots à droite. { $name } est une valeur que l'app insère.
# { $count } est un nombre : un message peut choisir ses mots selon lui,
# comme { $count -> [one] … *[other] … } (les formes du pluriel).

## La navigation à gauche
nav-till = Caisse
nav-catalogue = Catalogue
nav-settings = Réglages
nav-inbox = Messages
nav-test-chat = Chat d'essai
nav-customers = Clients
nav-reports = Rapports
nav-resellers = Revendeurs
nav-lock = Verrouiller
nav-lock-title = Verrouiller la caisse ; le personnel se reconnecte avec son code PIN

## La caisse
till-search = Chercher un n° de commande ou un téléphone  ( / )
till-search-label = Chercher des commandes
till-new-order = Nouvelle commande
till-undo = Annuler
till-orders = Commandes
till-loading-orders = Chargement des commandes…
till-no-match = Aucune commande ne correspond. Appuyez sur 0 pour voir toutes les commandes, ou sur Esc dans la recherche pour l'effacer.
till-empty-no-items = Aucune commande pour l'instant. Ajoutez d'abord ce que vous vendez (Catalogue, Alt+2), puis appuyez sur n pour saisir une commande.
till-empty = Aucune commande pour l'instant. Appuyez sur n pour en saisir une.
# Le nombre d'articles d'une commande, dans sa ligne.
till-order-items =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }
till-pickup = Retrait
till-delivery = Livraison
till-filter-label = Filtrer par statut
till-filter-all = Toutes
till-filter-out-or-ready = En livraison ou prête
till-status-draft = Brouillon
till-status-awaiting-payment = En attente de paiement
till-status-payment-failed = Paiement échoué
till-status-paid = Payée
till-status-preparing = En préparation
till-status-out-for-delivery = En livraison
till-status-ready-for-pickup = Prête à retirer
till-status-delivered = Livrée
till-status-collected = Retirée
till-status-new-on-delivery = Nouvelle : paiement à la livraison
order-cash-on-delivery = Paiement à la livraison
order-collect-on-delivery = Payée à la remise : enregistrez les { $total } ci-dessous au moment de la remise ; la commande est alors terminée.
till-status-cancelled = Annulée
till-hints = Raccourcis clavier
till-hint-new-order = nouvelle commande
till-hint-search = chercher
till-hint-select = sélectionner
till-hint-advance = étape suivante
till-hint-cancel = annuler
till-hint-payment = paiement
till-hint-receipt = reçu
till-hint-filter = filtrer
till-hint-screens = écrans
till-hint-check-mpesa = vérifier M-Pesa
till-hint-settle-digital = crédit et forfaits

## Réglages
settings-title = Réglages
settings-sections = Rubriques des réglages
settings-group-shop = Votre boutique
settings-group-connections = Connexions
settings-group-people = Personnes et confidentialité
settings-group-computer = Cet ordinateur
settings-section-shop = Boutique
settings-section-hours = Horaires d'ouverture
settings-section-delivery = Zones de livraison
settings-section-mpesa = M-Pesa
settings-section-digital = Crédit et forfaits
settings-section-tax = Taxes (eTIMS)
settings-section-whatsapp = WhatsApp
settings-section-sync = Synchroniser les caisses
settings-section-staff = Personnel
settings-section-privacy = Confidentialité
settings-section-computer = Imprimante, secrets, mises à jour

## Réglages → Cet ordinateur
appearance-title = Apparence
theme-dark-on = Thème sombre : activé
theme-dark-off = Thème sombre : désactivé
language-title = Langue
language-hint = La langue des écrans de cette caisse. Les clients sur WhatsApp reçoivent toujours les réponses dans leur propre langue.
language-saved = Les écrans sont maintenant en { $language }.

## L'écran verrouillé
lock-who = Qui est à la caisse ?
lock-choose-name = Choisissez votre nom pour vous connecter.
lock-type-pin = { $name }, tapez votre code PIN
lock-delete-digit = Effacer le dernier chiffre
lock-enter = Valider
lock-owner = Propriétaire
lock-owner-type = Propriétaire, tapez votre mot de passe
lock-owner-password = Mot de passe du propriétaire
lock-sign-in = Se connecter
lock-foot = L'écran se verrouille tout seul après quelques minutes sans utilisation.

## Le catalogue
catalogue-show-archived = Afficher les archivés
catalogue-new-item = Nouvel article
catalogue-empty-press = Aucun article pour l'instant. Appuyez sur
catalogue-empty-to-add = pour ajouter le premier.
catalogue-archived = Archivé
catalogue-low = Bas
catalogue-col-name = Nom
catalogue-col-category = Catégorie
catalogue-col-price = Prix
catalogue-col-stock = Stock

## L'éditeur d'article
item-title-new = Nouvel article
item-title-edit = Modifier l'article
item-name = Nom
item-description = Description (facultative)
item-aliases = Autres noms (ex. maticha)
# { $currency } est le code de la devise de la boutique (MAD).
item-price = Prix ({ $currency })
item-kind = Type
item-kind-physical = Produits physiques
item-kind-airtime = Recharge
item-kind-bundle = Forfait internet
item-stock = Stock (vide = non compté)
item-low-stock = Alerter à partir de ce seuil (vide = jamais)
item-barcode = Code-barres (scannez-le ici, ou tapez les chiffres)
item-airtime-hint = La recharge est envoyée sur le téléphone du client, pour une valeur égale au prix.
item-megabytes = Taille (Mo)
item-validity = Validité (jours)
item-category = Catégorie
item-no-category = Sans catégorie
item-tax-band = Code de taxe
item-tax-band-default = Par défaut de la boutique
item-tax-class = Classe KRA
item-tax-class-hint = Celle de la boutique : tapez ce que c'est
item-photo = Photo (facultative)
item-photo-alt = La photo de l'article
item-no-photo = Pas de photo
item-remove-photo = Retirer la photo
item-photo-hint = JPEG, PNG ou WebP. Les clients qui la demandent au bot la reçoivent sur WhatsApp.
item-photo-too-large = Ce fichier dépasse 20 Mo. Choisissez une photo plus petite, ou enregistrez-la à nouveau en taille réduite.
item-photo-unreadable = Impossible de lire ce fichier. Choisissez la photo à nouveau.
item-save = Enregistrer
item-archive = Archiver
item-restore = Restaurer
item-close = Fermer

## Le chat d'essai
test-chat-title = Chat d'essai
test-chat-intro = Mettez-vous à la place d'un client qui discute avec votre bot : il répond exactement comme sur WhatsApp, avec un M-Pesa simulé, donc aucun argent réel ne circule.
test-chat-intro-on-delivery = Jouez un client qui discute avec votre robot, exactement comme il répondrait sur WhatsApp. Votre magasin est payé à la livraison : les commandes passées ici attendent à la caisse, et vous y enregistrez les espèces à la remise.
test-chat-on-delivery = Paiement à la livraison : aucun M-Pesa n'est demandé. Enregistrez les espèces à la caisse lors de la remise de la commande.
test-chat-phone-label = Chat d'essai avec votre bot
test-chat-subtitle = votre bot · chat d'essai
test-chat-empty = Dites bonjour comme le ferait un client, ou touchez une réponse rapide ci-dessous.
test-chat-input-label = Message en tant que client
test-chat-input-placeholder = Message
test-chat-send = Envoyer
test-chat-quick-replies = Réponses rapides
test-chat-settings = Réglages de l'essai
test-chat-phone = Téléphone du client d'essai
test-chat-phone-hint = Rien n'est envoyé à ce numéro : le bot le voit simplement comme celui du client.
test-chat-payment = Quand le bot demande M-Pesa, le client…
test-chat-payment-pays = paie
test-chat-payment-cancels = annule la demande
test-chat-payment-never = ne répond jamais
test-chat-airtime = Crédit simulé
test-chat-airtime-delivered = Livré
test-chat-airtime-fails = Échoue
test-chat-airtime-hint = Échoue : voyez ce qu'on dit au client quand son crédit ou son forfait ne peut pas être envoyé.
test-chat-start-over = Recommencer
test-chat-reset-done = Le chat d'essai recommence.
# Affichés après les touches Enter, r et Esc : « Enter envoie, r revient à la zone de message, Esc en sort. »
test-chat-keys-sends = envoie,
test-chat-keys-back = revient à la zone de message,
test-chat-keys-leave = en sort.

## Les messages
inbox-title = Messages
inbox-chats = Discussions
inbox-loading = Chargement des discussions…
inbox-empty = Aucune discussion pour l'instant. Essayez votre bot dans « Chat d'essai » (Alt+5).
inbox-channel-test-chat = Chat d'essai
inbox-unread =
    { $count ->
        [one] { $count } non lu
       *[other] { $count } non lus
    }
inbox-attention = À traiter
inbox-attention-title = Le client a demandé à parler à quelqu'un, ou un paiement est à traiter
inbox-staff = Personnel
inbox-staff-title = Le personnel répond ; le bot est en pause
inbox-pick = Choisissez une discussion avec ↑ ↓ (ou j k), ou cliquez dessus.
inbox-loading-chat = Chargement de la discussion…
inbox-no-messages = Aucun message pour l'instant.
# { $time } est une heure (14:30).
inbox-took-over = { $name } a pris la main · bot en pause jusqu'à { $time }
inbox-bot-paused = Bot en pause jusqu'à { $time }
inbox-bot-answering = Le bot répond
inbox-bot-answering-handed-back = Le bot répond · { $name } lui a rendu la main
inbox-take-over = Prendre la main
inbox-hand-back = Rendre au bot
inbox-bot-paused-toast = Vous avez pris cette discussion ; le bot est en pause.
inbox-bot-back-toast = Le bot répond de nouveau à cette discussion.
inbox-reply-label = Réponse
inbox-reply-placeholder = Tapez une réponse…  ( r )
inbox-send = Envoyer
inbox-reply-hint = Enter envoie, Shift+Enter passe à la ligne.
inbox-reply-hint-pauses = Enter envoie, Shift+Enter passe à la ligne. Répondre met le bot en pause pendant une heure.
inbox-hints = Raccourcis clavier
inbox-hint-chats = discussions
inbox-hint-reply = répondre
inbox-hint-send = envoyer
inbox-hint-new-line = nouvelle ligne
inbox-hint-leave-reply = quitter la réponse
inbox-hint-screens = écrans

## La liste de démarrage sur la caisse
start-title = Lancez votre boutique
start-title-ready = Votre boutique est prête
# { $count } est le nombre d'étapes faites sur les { $total }.
start-count =
    { $count ->
        [one] { $count } étape sur { $total } terminée
       *[other] { $count } étapes sur { $total } terminées
    }
start-folded =
    { $count ->
        [one] Premiers pas : { $count } étape sur { $total } terminée.
       *[other] Premiers pas : { $count } étapes sur { $total } terminées.
    }
start-unfold = Afficher la liste de démarrage
start-hide = Masquer
start-open = Ouvrir
start-items-title = Ajoutez ce que vous vendez
start-items-hint = Nom, prix et stock : quelques articles suffisent pour commencer.
start-test-chat-title = Commandez depuis le chat d'essai
start-test-chat-hint = Jouez le rôle d'un client face à votre bot et payez avec un M-Pesa fictif.
start-mpesa-title = Connectez M-Pesa
start-mpesa-hint = Votre numéro Till ou Paybill, ou IntaSend ou Daraja pour les demandes de paiement sur le téléphone.
start-whatsapp-title = Connectez votre WhatsApp
start-whatsapp-hint = Connectez cet ordinateur au WhatsApp de la boutique, comme WhatsApp Web.
start-share-title = Partagez le lien de votre boutique
start-share-hint = Copiez le lien ou imprimez une affiche avec son code QR.
start-link-whatsapp-first = Connectez d'abord WhatsApp : le lien ouvre une discussion avec le numéro WhatsApp de la boutique.
start-link-label = Le lien de votre boutique
start-copy-link = Copier le lien
start-link-copied = Lien de la boutique copié : collez-le dans votre statut WhatsApp, vos groupes et votre page Facebook.
start-link-press-ctrl-c = Appuyez sur Ctrl+C pour copier le lien sélectionné.
start-poster-a4 = Affiche (A4)
start-poster-a5 = Affiche (A5)
# { $path } est l'endroit où le fichier a été enregistré.
start-poster-saved = Affiche enregistrée : { $path }. Imprimez-la et placez-la là où les clients la verront.
start-nothing-saved = Rien n'a été enregistré : aucun emplacement n'a été choisi.

## Le crédit et les forfaits à régler, sur la caisse
# Le nombre d'envois de crédit ou de forfaits qui attendent le personnel, dans la bande orange.
digital-strip =
    { $count ->
        [one] { $count } recharge ou forfait a besoin de vous
       *[other] { $count } recharges ou forfaits ont besoin de vous
    }
digital-open = Régler maintenant
digital-panel-title = Crédit et forfaits à régler
digital-close = Fermer
digital-panel-hint = Un envoi échoué est dû au client : renvoyez-le (après avoir rechargé votre solde Africa's Talking), envoyez-le à la main depuis la ligne de la boutique, ou remboursez-le. Un envoi encore en attente dit ce qu'il attend.
digital-empty = Tout le crédit et tous les forfaits sont réglés.
digital-recipient-erased = numéro effacé
digital-simulated = Chat d'essai
digital-state-unpaid = Pas encore payé
digital-state-queued = En attente d'envoi
digital-state-sending = Envoi en cours
digital-state-sent = Envoyé, livraison en cours de vérification
digital-state-delivered = Livré
digital-state-failed = Échoué : remboursement dû
digital-state-refunded = Remboursé
digital-state-cancelled = Annulé
digital-waiting = Africa's Talking peut encore le livrer : rien à faire pour l'instant.
digital-send-again = Renvoyer
digital-sent-by-hand = Envoyé à la main
digital-refunded = Remboursé
digital-refund-note = Comment l'argent a été rendu
digital-refund-note-placeholder = Remboursement : code M-Pesa, ou espèces
digital-note-required = Indiquez comment l'argent a été rendu : le code M-Pesa du remboursement, ou espèces.
# { $number } est le numéro de la commande (1042) ; affiché après une décision.
digital-done-again = #{ $number } : nouvel envoi en cours.
digital-done-by-hand = #{ $number } marqué comme envoyé à la main.
digital-done-refunded = #{ $number } marqué comme remboursé.

## Réglages → Crédit et forfaits
digital-title = Crédit et forfaits (Africa's Talking)
digital-intro = Le crédit de communication et les forfaits internet que les clients achètent dans les chats sont envoyés sur leur téléphone par votre compte Africa's Talking. Le chat d'essai utilise toujours un fournisseur simulé.
digital-loading = Chargement…
digital-environment = Environnement
digital-env-sandbox = Sandbox (essais, rien n'arrive sur un téléphone)
digital-env-production = Production (crédit réel)
# { $url } est une adresse enregistrée qui n'est aucune de celles d'Africa's Talking.
digital-env-custom = Personnalisé : { $url }
digital-username = Nom d'utilisateur
digital-username-hint = Le nom d'utilisateur de votre application Africa's Talking ; sur la sandbox, c'est sandbox.
digital-api-key = Clé API
digital-api-key-placeholder = Depuis votre tableau de bord : Settings → API Key
digital-api-key-keep = enregistrée — laissez vide pour la garder
digital-api-key-saved = Une clé est enregistrée. Laissez ce champ vide pour la garder, ou collez-en une nouvelle.
digital-bundle-product = Produit des forfaits internet (facultatif)
digital-bundle-product-hint = Le nom du produit dans votre tableau de bord Africa's Talking. Laissez-le vide si vous ne vendez que du crédit.
digital-save = Enregistrer les réglages du crédit
digital-saved = Réglages du crédit enregistrés.
digital-test = Tester la connexion
digital-testing = Vérification…
digital-not-tested = Non testé : vérifiez les champs signalés ci-dessus.

## Réglages → Taxes (KRA eTIMS)
tax-title = Factures fiscales (KRA eTIMS)
tax-intro = eTIMS fait signer chaque vente par la KRA pour que les acheteurs puissent récupérer leur TVA. Les commerces non assujettis à la TVA peuvent utiliser eTIMS Lite (eCitizen ou *222#) à la place.
tax-loading = Chargement…
tax-status-set-up = Configurée comme appareil { $device } pour { $name } (PIN { $pin }, succursale { $branch }).
tax-status-not-set-up = Non configurée : les ventes ne sont pas facturées.
tax-status-unsigned =
    { $count ->
        [0] Toutes les factures sont signées.
        [one] { $count } facture pas encore signée.
       *[other] { $count } factures pas encore signées.
    }
tax-no-band =
    { $count ->
        [one] { $count } article n'a pas de taux de taxe : ses ventes attendent. Donnez-lui un taux dans le Catalogue, ou choisissez un taux par défaut ci-dessous.
       *[other] { $count } articles n'ont pas de taux de taxe : leurs ventes attendent. Donnez-leur un taux dans le Catalogue, ou choisissez un taux par défaut ci-dessous.
    }
tax-status-off = La facturation est désactivée : les nouvelles ventes ne sont pas facturées.
tax-environment = Environnement
tax-env-sandbox = Sandbox (test, rien n'arrive dans les vrais registres de la KRA)
tax-env-production = Production (vraies factures fiscales)
tax-env-custom = Personnalisé : { $url }
tax-consumer-key = Consumer key
tax-consumer-secret = Consumer secret
tax-secret-keep = enregistré — laissez vide pour le garder
tax-keys-hint = Ceux de votre application sur le portail développeurs de la KRA (developer.go.ke).
tax-pin = PIN KRA
tax-branch = Identifiant de succursale
tax-serial = Numéro de série de l'appareil
tax-serial-hint = Le numéro de série de cette caisse, tel qu'enregistré auprès de la KRA pour eTIMS (OSCU).
tax-item-class = Code de classification des articles
tax-item-class-hint = Les dix chiffres que la KRA attribue à ce que vend la boutique (classifications d'articles eTIMS). Chaque article est enregistré auprès de la KRA sous ce code avant sa première facture.
tax-default-band = Code de taxe par défaut
tax-default-band-hint = Pour les articles qui n'ont pas leur propre code (Catalogue → article → Code de taxe).
tax-band-none = Aucun — chaque article doit avoir le sien
tax-enabled = Facturer chaque vente
tax-set-up = Configurer avec la KRA
tax-setting-up = Demande à la KRA…
tax-set-up-done = Configurée avec la KRA comme appareil { $device }.
tax-save-options = Enregistrer
tax-options-saved = Options fiscales enregistrées.
tax-unsigned-title = Factures pas encore signées
tax-all-signed = Toutes les factures sont signées.
tax-credit-note = Avoir { $number } (pour { $original })
tax-col-number = Numéro
tax-col-order = Commande
tax-col-amount = Montant
tax-col-age = Âge
tax-col-state = État
tax-col-reason = Raison
tax-state-queued = En attente
tax-state-sending = Renvoi en cours
tax-state-signed = Signée
tax-send-now = Envoyer maintenant
tax-sending = Envoi…
tax-sent =
    { $count ->
        [0] Envoyé : toutes les factures sont signées.
        [one] Envoyé : { $count } facture attend encore.
       *[other] Envoyé : { $count } factures attendent encore.
    }

## Caisse → détail de la commande : sa facture fiscale KRA eTIMS
order-tax-label = Facture fiscale KRA
order-tax-pin = PIN KRA de l'acheteur, pour une facture qu'il peut déduire
order-tax-pin-now = La facture porte { $pin }.
order-tax-reissue = Émettre à ce PIN
order-tax-reissue-hint = KRA reçoit un avoir pour la facture signée et une nouvelle facture avec le PIN
order-tax-invoice = Facture fiscale { $number }
order-tax-credit-note = Avoir { $number } pour la facture { $original }
order-tax-signed = Signée par la KRA
order-tax-receipt = Reçu KRA { $receipt }
order-tax-waiting = En attente de la KRA
order-tax-settings-note = Réglages → Taxes liste toutes les factures pas encore signées.

## Revendeurs (qui amènent des clients et touchent une commission)
resellers-title = Revendeurs
resellers-add = Ajouter un revendeur
resellers-sheet = Enregistrer en tableur
resellers-sheet-title = Les chiffres de chaque revendeur dans un fichier CSV pour Excel ou votre comptable
resellers-sheet-saved = Enregistré : { $path }
resellers-sheet-nothing = Rien n'a été enregistré.
resellers-explain = Une discussion qui porte le code d'un revendeur (par son lien, ou tapé) lui attribue ses commandes pendant 30 jours. La commission reste en attente 7 jours après la commande, puis devient payable ; une commande annulée la reprend. Un revendeur peut demander « mes ventes » au bot depuis son numéro WhatsApp.
resellers-loading = Chargement des revendeurs…
resellers-empty = Aucun revendeur pour l'instant. Ajoutez les personnes qui vous amènent des clients : chacune reçoit un code et son propre lien vers la boutique.
resellers-retry = Réessayer
resellers-col-name = Nom
resellers-col-phone = Téléphone
resellers-col-code = Code
resellers-col-rule = Commission
resellers-col-orders = Commandes
resellers-col-sales = Ventes
resellers-col-pending = En attente
resellers-col-payable = Payable
resellers-col-paid = Versé
resellers-paused = En pause
resellers-paused-title = En pause : son code n'attribue plus de nouvelles commandes
# { $amount } est un montant (KES 10).
resellers-rule-per-unit = { $amount } par unité
resellers-pick = Choisissez un revendeur pour voir son lien et le payer.
reseller-form-new = Nouveau revendeur
reseller-form-edit = Modifier le revendeur
reseller-name = Nom
reseller-phone = Numéro WhatsApp
reseller-phone-hint = Depuis ce numéro, il peut demander au bot ses propres ventes et sa commission.
reseller-code = Code
reseller-code-placeholder = Laissez vide : un code est créé à partir du nom
reseller-rule = Commission
reseller-rule-percent = Un pourcentage des articles
reseller-rule-per-unit = Un montant par unité vendue
reseller-rate-percent = Pourcentage (%)
# { $currency } est le code de la devise de la boutique (KES).
reseller-rate-per-unit = Montant par unité ({ $currency })
reseller-active = Actif : son code lui attribue les nouvelles commandes
reseller-first-order-only = Seule la première commande de chaque client passée par lui rapporte une commission
resellers-rule-on = { $rule } sur { $goods }
resellers-rule-on-gone = { $rule } sur des articles qui ne sont plus vendus
reseller-applies-to = Commission sur
reseller-applies-everything = Tout ce que ses clients achètent
reseller-applies-category = Catégorie : { $name }
reseller-save = Enregistrer le revendeur
reseller-cancel = Annuler
reseller-saved = Revendeur { $name } enregistré.
reseller-edit = Modifier
reseller-erase = Effacer les données personnelles…
reseller-erase-question = Effacer pour de bon le nom, le numéro et le code de { $name }, sur chaque caisse ? Ses ventes, commissions et paiements restent dans les comptes de la boutique.
reseller-erase-confirm = Effacer
reseller-erase-keep = Garder
reseller-erased = { $name } effacé.
reseller-erased-badge = Effacé
reseller-link-label = Son lien vers la boutique
reseller-copy-link = Copier le lien
reseller-link-copied = Lien copié : envoyez-le à { $name } pour qu'il le partage avec ses clients.
reseller-qr-label = Code QR du lien de { $name } vers la boutique
reseller-link-hint = Un client qui ouvre le lien ou scanne le code démarre avec la boutique une discussion qui porte le code de ce revendeur.
reseller-no-link = Connectez WhatsApp pour obtenir un lien pour chaque revendeur. En attendant, ses clients peuvent envoyer ce message (ou seulement le code) au WhatsApp de la boutique :
reseller-greeting-label = Le message qu'envoient ses clients
reseller-copy-greeting = Copier le message
reseller-greeting-copied = Message copié.
reseller-link-whatsapp = Connecter WhatsApp
reseller-press-ctrl-c = Appuyez sur Ctrl+C pour copier le texte sélectionné.
payout-title = Payer { $name }
payout-payable = Payable maintenant : { $amount }
payout-pending = En attente : { $amount } (payable 7 jours après chaque commande)
payout-nothing = Rien n'est encore payable.
payout-negative = Plus a été versé que gagné (une commande a été annulée ensuite) : les nouvelles commissions comblent d'abord l'écart.
payout-amount = Montant
payout-method = Payé en
payout-method-cash = Espèces
payout-method-mpesa = M-Pesa
payout-receipt = Code M-Pesa
payout-save = Enregistrer le versement
payout-done = { $amount } versés à { $name } : versement enregistré.

## Clients
customers-title = Clients
customers-no-name = Sans nom
customers-no-offers = Pas d'offres
customers-no-offers-title = A demandé à ne plus recevoir d'offres (STOP)
customers-search-placeholder = Nom ou chiffres du téléphone
customers-search-label = Trouver un client
customers-empty = Aucun client pour l'instant. Ils apparaissent ici dès leur première commande ou conversation.
customers-no-match = Aucun client ne correspond. Essayez moins de lettres ou les derniers chiffres du numéro.
customers-col-name = Nom
customers-col-phone = Téléphone
customers-col-orders = Commandes
customers-col-last-order = Dernière commande
customers-privacy-title = Confidentialité
customers-privacy-hint = Choisissez un client pour corriger ses coordonnées ou les effacer. L'effacement supprime son nom, son numéro et ses conversations sur toutes les caisses ; ses commandes restent dans les registres fiscaux, sans ces données.
# Autour de la commande DELETE ME (laissée en anglais : le bot la lit ainsi) :
# « Les clients peuvent aussi écrire DELETE ME au bot. »
customers-delete-me-before = Les clients peuvent aussi écrire
customers-delete-me-after = au bot.
customer-saved = Coordonnées du client enregistrées.
# Après l'effacement d'un client ; { $count } est le nombre de ses commandes conservées.
customer-erased =
    { $count ->
        [one] Effacé. { $count } commande conservée sans ses données.
       *[other] Effacé. { $count } commandes conservées sans ses données.
    }
customer-erased-chats =
    { $count ->
        [one] { $count } conversation supprimée.
       *[other] { $count } conversations supprimées.
    }
customer-this-customer = ce client
customer-orders =
    { $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    }
# { $time } est l'heure de sa dernière commande (14:05, ou 12 Mar 14:05).
customer-last-order = dernière : { $time }
customer-opted-out = ne veut plus d'offres
customer-name = Nom
customer-phone = Téléphone
customer-save = Enregistrer
customer-erase = Effacer les données personnelles…
customer-close = Fermer
# { $name } est le nom ou le numéro du client ; { $count } son nombre de commandes.
customer-erase-question =
    { $count ->
        [0] Effacer le nom, le numéro et les conversations de { $name } sur toutes les caisses ? Ce client n'a aucune commande. Cette action est irréversible.
        [one] Effacer le nom, le numéro et les conversations de { $name } sur toutes les caisses ? Sa commande reste dans les registres fiscaux, sans ses données. Cette action est irréversible.
       *[other] Effacer le nom, le numéro et les conversations de { $name } sur toutes les caisses ? Ses { $count } commandes restent dans les registres fiscaux, sans ses données. Cette action est irréversible.
    }
customer-erase-confirm = Effacer
customer-erase-keep = Garder

## Clients → crédit
credit-title = Crédit
# { $amount } est une somme d'argent (MAD 150).
credit-owes = Doit { $amount }
credit-overpaid = A payé { $amount } de plus que sa dette
credit-owes-nothing = Ne doit rien
# Après le solde : depuis quand la plus ancienne vente impayée est due.
credit-since = depuis { $time }
credit-limit = Plafond de crédit (vide : aucun ; propriétaire seulement)
credit-limit-save = Fixer le plafond
credit-limit-set = Plafond de crédit fixé à { $amount }.
credit-limit-none = Plus de plafond de crédit.
credit-amount = Remboursé
credit-method = Comment
credit-method-cash = Espèces
credit-method-mpesa = M-Pesa (code)
credit-receipt = Code M-Pesa
credit-repay-save = Enregistrer le paiement
credit-repaid = Paiement enregistré : il reste { $amount } à payer.
credit-remind = Envoyer un rappel
credit-remind-title = Un court message dans sa langue, dans sa conversation WhatsApp
credit-reminder-sent = Rappel envoyé sur WhatsApp.
# Dans l'historique : { $number } est le numéro de la commande (1042).
credit-sale = Commande n° { $number } à crédit
# { $code } est le code M-Pesa ; { $name } la personne qui a enregistré l'argent.
credit-repaid-mpesa = Remboursé par M-Pesa { $code } ({ $name })
credit-repaid-cash = Remboursé en espèces ({ $name })
debtors-title = Qui doit quoi (crédits)
debtors-loading = Calcul en cours…
debtors-empty = Personne ne doit rien au magasin. Pour vendre à crédit, choisissez « À crédit » comme paiement d'une nouvelle commande avec le téléphone du client.
debtors-erased = Client effacé
debtors-col-who = Qui
debtors-col-owes = Doit
debtors-col-since = Depuis

## Réglages → Confidentialité
privacy-title = Confidentialité
privacy-hint = Exportez tout le magasin en ZIP de tableurs, ou tout ce qui est conservé sur un client quand il demande ses données. Déconnecter délie WhatsApp ou arrête la synchronisation avec les autres caisses. Chaque action est notée dans le journal d'audit.
privacy-export = Exporter les données…
privacy-disconnect = Déconnecter…
privacy-loading = Chargement…
# « Conserver les commandes et les reçus M-Pesa pendant [7] ans »
privacy-years-label = Conserver les commandes et les reçus M-Pesa pendant
privacy-years-unit = ans
privacy-save = Enregistrer
# { $count } est un nombre d'années (5 à 30).
privacy-saved =
    { $count ->
        [one] Les commandes sont conservées { $count } an.
       *[other] Les commandes sont conservées { $count } ans.
    }
# { $count } est un nombre de mois.
privacy-chats-kept = Les conversations sont supprimées { $count } mois après leur dernier message. Les clients qui écrivent DELETE ME sont effacés dès que le bot a répondu.
privacy-last-checked = Dernière vérification : { $time }.
privacy-audit-title = Journal d'audit
privacy-audit-empty = Aucune action de confidentialité pour l'instant.
# { $count } est le nombre de lignes du journal.
privacy-show-all = Tout afficher ({ $count })

## Réglages → Coordonnées du magasin (et le premier formulaire)
shop-name = Nom du magasin
shop-code = Code dans votre lien client
shop-code-hint = Les clients envoient ce code sur WhatsApp pour joindre votre magasin. Laissez vide pour utiliser la suggestion.
shop-business-type = Type de commerce
shop-country = Pays
shop-country-kenya = Kenya (KES)
shop-country-morocco = Maroc (MAD)
# { $currency } est le code de la devise (MAD).
shop-prices-in = Prix en { $currency }
shop-owner-password = Mot de passe du propriétaire
shop-owner-password-hint = Au moins 8 caractères. Nécessaire pour les réglages de paiement, l'export et la suppression de données.
shop-owner-repeat = Répéter le mot de passe
shop-save = Enregistrer les coordonnées du magasin
shop-saved = Coordonnées du magasin enregistrées.
business-grocery = Épicerie
business-restaurant = Restaurant / snack
business-fashion = Mode
business-electronics = Électronique
business-beauty = Beauté
business-hardware = Quincaillerie
business-airtime-and-data = Recharges et forfaits internet
business-other = Autre

## Réglages → Horaires d'ouverture
day-monday = Lundi
day-tuesday = Mardi
day-wednesday = Mercredi
day-thursday = Jeudi
day-friday = Vendredi
day-saturday = Samedi
day-sunday = Dimanche
hours-hint = Le bot dit aux clients quand vous ouvrez et, si vous l'autorisez, prend quand même leur commande.
hours-open = Ouvert
# Pour les lecteurs d'écran ; { $name } est un jour (Lundi).
hours-opens-at = { $name } : ouverture à
hours-closes-at = { $name } : fermeture à
hours-orders-when-closed = Laisser le bot prendre des commandes pendant la fermeture (préparées à l'ouverture)
hours-save = Enregistrer les horaires
hours-saved = Horaires d'ouverture enregistrés.

## Réglages → Zones de livraison
zones-empty = Aucune zone de livraison pour l'instant : toutes les commandes sont à retirer au magasin.
zone-inactive = Inactive
zone-new = Nouvelle zone
zone-edit = Modifier la zone
zone-area = Quartier
# Un exemple de nom de quartier, dans le pays du magasin.
zone-area-placeholder = Maârif
# { $currency } est le code de la devise du magasin (MAD).
zone-fee = Frais ({ $currency })
zone-active = Proposer cette zone aux clients
zone-save = Enregistrer la zone
zone-saved = Zone de livraison enregistrée.

## Réglages → M-Pesa
payment-title = Paiements (M-Pesa)
payment-intro = Le chat d'essai utilise toujours des paiements simulés. Les vraies conversations jamais : sans service M-Pesa connecté (ou avec un service en mode sandbox), les clients paient à la main sur votre till ou paybill et le personnel confirme chaque code M-Pesa.
payment-loading = Chargement…
payment-provider = Comment paient les clients du chat
payment-provider-none = Aucun : les clients paient à la main (till ou paybill)
payment-provider-intasend = IntaSend : la demande de paiement sur le téléphone du client, le plus simple à configurer
payment-provider-daraja = J'ai des clés Daraja (Safaricom M-Pesa Express)
payment-provider-on-delivery = Paiement à la livraison : pas de M-Pesa, le client paie à la remise de la commande
payment-environment = Environnement
payment-env-sandbox = Sandbox (essais, sans argent)
payment-env-production = Production (argent réel)
payment-env-live = Live (argent réel)
# { $url } est une adresse enregistrée qui n'est pas celle du service.
payment-env-custom = Personnalisé : { $url }
payment-keep-placeholder = enregistré — laisser vide pour le garder
payment-daraja-legend = Identifiants Daraja
payment-daraja-hint = Depuis votre application sur developer.safaricom.co.ke et la passkey Lipa na M-Pesa Online que Safaricom vous envoie.
payment-consumer-key = Consumer key
payment-consumer-secret = Consumer secret
payment-secret-placeholder = Depuis votre application Daraja
payment-shortcode = Shortcode de l'entreprise
payment-pay-to = Les clients paient sur
payment-collection-paybill = Paybill (les clients saisissent un compte)
payment-collection-till = Numéro Till (Buy Goods)
payment-till-number = Numéro Till
payment-till-hint = Le shortcode ci-dessus est alors le numéro de votre siège.
payment-till-required = Saisissez le numéro Till, ou choisissez paybill.
payment-passkey = Passkey
payment-passkey-placeholder = Fournie par Safaricom (Lipa na M-Pesa Online)
payment-intasend-legend = Clés API IntaSend
payment-public-key = Clé publique (publishable key)
payment-secret-key = Clé secrète
payment-intasend-hint = Depuis votre tableau de bord IntaSend : Settings → API keys.
payment-manual-legend = Paiement à la main
payment-manual-hint = Là où les clients du chat envoient l'argent quand aucun service M-Pesa ne l'encaisse. Le bot le leur indique, et ils renvoient le code M-Pesa pour que le personnel le confirme.
payment-manual-till = Numéro Till (Buy Goods)
payment-manual-paybill = Paybill (compte : le numéro de commande)
payment-manual-number = Numéro
payment-manual-number-placeholder = ex. 5123456
payment-save = Enregistrer les réglages de paiement
payment-saved = Réglages de paiement enregistrés.
payment-test = Tester la connexion
payment-testing = Vérification…
payment-not-tested = Non testé : vérifiez les champs signalés ci-dessus.

## Réglages → Personnel
people-title = Personnes
people-intro = Le personnel se connecte à la caisse avec son propre code PIN : chaque commande indique qui l'a traitée. Les paiements, le serveur, l'export et la suppression de données restent réservés au propriétaire.
people-no-staff = Pas encore de personnel : la caisse s'ouvre directement pour le propriétaire.
people-staff-name = Nom
people-staff-pin = Code PIN (4 à 6 chiffres)
people-staff-add = Ajouter un employé
people-staff-added = { $name } peut maintenant se connecter avec son code PIN.
people-deactivate = Désactiver
people-staff-deactivated = { $name } ne peut plus se connecter.
people-idle = Verrouiller l'écran après cette durée sans utilisation
# Un choix de la liste : { $count } minutes (1 à 120).
people-idle-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
people-idle-saved =
    { $count ->
        [one] L'écran se verrouille maintenant après { $count } minute sans utilisation.
       *[other] L'écran se verrouille maintenant après { $count } minutes sans utilisation.
    }
people-owner-change-title = Changer le mot de passe du propriétaire
people-owner-old = Mot de passe actuel
people-owner-new = Nouveau mot de passe
people-owner-repeat = Répéter le nouveau mot de passe
people-owner-change = Changer le mot de passe
people-owner-changed = Mot de passe du propriétaire changé.

## Réglages → Cet ordinateur : l'imprimante de tickets
printer-title = Imprimante de tickets
printer-loading = Chargement…
printer-kind = Imprimante
printer-kind-none = Pas d'imprimante (reçus par WhatsApp seulement)
printer-kind-network = Imprimante réseau (Wi-Fi ou câble vers le routeur)
printer-kind-device = Imprimante USB ou série sur cet ordinateur
printer-address = Adresse de l'imprimante
printer-address-hint = Maintenez le bouton d'avance papier en allumant l'imprimante : la page qu'elle imprime indique son adresse IP. Port 9100, sauf si vous en ajoutez un autre (192.168.1.50:9101).
printer-path = Port de l'imprimante
printer-path-hint = Windows : le port COM dans le Gestionnaire de périphériques, ou une imprimante partagée comme \\localhost\POS58. Linux : /dev/usb/lp0 (USB) ou /dev/ttyUSB0 (série).
printer-width-label = Papier
# { $name } est la largeur du rouleau (80 mm) ; { $count } le nombre de caractères par ligne.
printer-width = Rouleau de { $name } ({ $count } caractères)
printer-auto = Imprimer un ticket quand une vente à cette caisse est payée (r en imprime un à tout moment)
printer-drawer = Ouvrir le tiroir-caisse pour les ventes en espèces (tiroir relié à l'imprimante)
printer-scale = Les étiquettes de la balance portent
printer-scale-price-whole = Le prix, entier (00250 vaut 250)
printer-scale-price-cents = Le prix avec centimes (00250 vaut 2.50)
printer-scale-weight-grams = Le poids en grammes (01250 vaut 1.250 kg)
printer-scale-hint = Pour les étiquettes imprimées par la balance du magasin (13 chiffres commençant par 20 à 29) : donnez à chaque article pesé ses 7 premiers chiffres comme code-barres dans le Catalogue, p. ex. 2001234.
printer-test = Imprimer une page de test
printer-printing = Impression…
printer-save = Enregistrer l'imprimante
printer-saved = Réglages de l'imprimante enregistrés.

## Réglages → Cet ordinateur : secrets enregistrés
vault-title = Secrets enregistrés
vault-intro = Les clés M-Pesa, l'identifiant de synchronisation avec les autres caisses et les clés WhatsApp sont gardés scellés (AES-256-GCM), jamais en clair.
vault-loading = Chargement…
vault-open-keyring = Scellés sur cet ordinateur, avec une clé gardée dans son trousseau.
vault-open-passphrase = Scellés sur cet ordinateur par votre phrase secrète, demandée à chaque démarrage.
vault-needs-passphrase = Verrouillés : saisissez la phrase secrète pour utiliser les paiements M-Pesa, la synchronisation et WhatsApp.
vault-choose-passphrase = Cet ordinateur n'a pas de trousseau utilisable par DukaDesk : choisissez une phrase secrète pour les protéger.
vault-lost = Les secrets enregistrés auparavant avaient leur clé dans le trousseau de cet ordinateur, que DukaDesk ne peut plus utiliser : ils ne peuvent donc pas être ouverts. Après avoir choisi une phrase secrète, saisissez de nouveau les informations M-Pesa et de synchronisation, et liez WhatsApp de nouveau. Si le trousseau n'était simplement pas prêt, redémarrez d'abord DukaDesk.
vault-warning = Notez-la et gardez-la en lieu sûr. DukaDesk la demande à chaque démarrage. Si elle est oubliée, personne ne peut ouvrir les secrets enregistrés : il faudra alors saisir de nouveau les informations M-Pesa et du serveur.
# { $count } est le nombre minimal de caractères d'une phrase secrète (10).
vault-new-passphrase = Nouvelle phrase secrète (au moins { $count } caractères)
vault-passphrase = Phrase secrète
vault-confirm = La même, encore une fois
vault-protect = Protéger avec cette phrase secrète
vault-open = Ouvrir les secrets enregistrés
vault-passphrase-set = Phrase secrète définie : les secrets enregistrés sont protégés par elle.
vault-opened = Les secrets enregistrés sont ouverts.

## Réglages → WhatsApp
whatsapp-loading = Chargement…
whatsapp-not-linked = Non lié
whatsapp-not-linked-detail = Liez le WhatsApp du magasin pour que le bot y réponde aux clients. En attendant, il fonctionne dans le chat d'essai.
whatsapp-linking = Liaison en cours
whatsapp-linking-detail = Terminez la liaison dans la fenêtre d'appairage.
whatsapp-connected = Connecté
# { $time } est le moment où la liaison a commencé (14:05, ou 12 Mar 14:05).
whatsapp-connected-detail = Répond aux clients depuis { $time }.
whatsapp-reconnecting = Reconnexion
# { $count } est un nombre de secondes ; { $number } compte les essais.
whatsapp-reconnecting-in = La connexion a été coupée. Prochain essai dans { $count } s (essai n° { $number }). Les messages attendent sur WhatsApp en attendant.
whatsapp-reconnecting-now = La connexion a été coupée. Prochain essai maintenant (essai n° { $number }). Les messages attendent sur WhatsApp en attendant.
whatsapp-logged-out = Déconnecté
whatsapp-logged-out-detail = WhatsApp a déconnecté cet ordinateur (depuis le téléphone, ou WhatsApp l'a retiré). Ses clés ont été effacées. Liez-le de nouveau pour continuer à répondre aux clients.
whatsapp-replaced = Remplacé
whatsapp-replaced-detail = Une autre session WhatsApp Web ou de bureau a pris cette liaison, DukaDesk s'est donc arrêté. Fermez l'autre session, puis liez de nouveau.
whatsapp-banned = Banni pour l'instant
# { $reason } est la raison donnée par WhatsApp, telle quelle.
whatsapp-banned-detail = WhatsApp a banni ce numéro jusqu'au { $time } ({ $reason }). DukaDesk n'envoie rien d'ici là.
whatsapp-number = Numéro
whatsapp-business = Entreprise
whatsapp-last-message = Dernier message
whatsapp-none-yet = aucun pour l'instant
whatsapp-link = Lier WhatsApp
whatsapp-link-again = Lier de nouveau
whatsapp-unlink = Délier…
whatsapp-pdf-receipts = Envoyer aussi un reçu PDF après le paiement
whatsapp-safety = Sécurité : le bot ne répond qu'aux clients qui ont écrit en premier, espace ses réponses et n'envoie jamais de messages de masse.

## Réglages → Synchroniser avec d'autres caisses
hosted-loading = Chargement…
hosted-intro = Partagez les commandes, le catalogue et les clients avec les autres caisses du magasin. Demandez à la personne qui gère le serveur de votre magasin une chaîne d'inscription (dukadesk-server enrol-device) et collez-la ici.
hosted-enrolment = Chaîne d'inscription
hosted-connect = Connecter
hosted-connect-busy = Connexion…
# { $name } est le nom du magasin sur le serveur.
hosted-connected-to = Connecté à { $name }.
hosted-online = En ligne
hosted-connecting = Connexion
hosted-offline = Hors ligne
hosted-needs-attention = À vérifier
hosted-up-to-date = À jour
hosted-changes-waiting =
    { $count ->
        [one] { $count } modification en attente
       *[other] { $count } modifications en attente
    }
# { $count } est un nombre de secondes.
hosted-next-try-in = prochain essai dans { $count } s
hosted-next-try-now = prochain essai maintenant
hosted-logging-in = Connexion au serveur…
hosted-shop = Magasin
hosted-this-till = Cette caisse
# { $number } est un chiffre (1).
hosted-till-digit = les numéros de commande finissent par { $number }
hosted-server = Serveur
hosted-state = État
hosted-waiting = En attente d'envoi
hosted-pending =
    { $count ->
        [0] Rien
        [one] { $count } modification
       *[other] { $count } modifications
    }
hosted-last-synced = Dernière synchronisation
hosted-not-yet = Pas encore
hosted-bot = Bot WhatsApp
# { $name } dit quelle caisse fait tourner le bot (l'un des trois messages ci-dessous).
hosted-bot-runs-on = Tourne sur : { $name }
hosted-bot-no-till = aucune caisse pour l'instant
# { $name } est le nom d'une caisse (Comptoir).
hosted-bot-this-till = { $name } (cette caisse)
# { $time } est la fin du tour de cette caisse.
hosted-bot-other-till = { $name }, jusqu'à { $time }
hosted-refused = Modifications refusées par le serveur
hosted-bot-here = Faire tourner le bot WhatsApp sur cette caisse
hosted-sync-now = Synchroniser maintenant
hosted-syncing = Synchronisation…
hosted-disconnect = Déconnecter…

## Réglages → Cet ordinateur : mises à jour
update-title = Mises à jour
update-loading = Chargement…
update-current = Cette version
update-check = Rechercher des mises à jour
update-checking = Vérification…
update-not-checked = Pas encore vérifié.
update-checking-headline = Recherche de mises à jour…
update-up-to-date = DukaDesk est à jour.
# { $version } est un numéro de version (0.2.0).
update-available = DukaDesk { $version } est disponible.
update-downloading = Téléchargement de DukaDesk { $version }…
update-ready = DukaDesk { $version } est téléchargé et sa signature vérifiée. Redémarrez pour commencer à l'utiliser.
# { $time } est une date (12 Mar 2025).
update-published = Publiée le { $time }
update-no-notes = Aucune note de version n'a été publiée avec cette version.
update-download = Télécharger { $version }
update-download-again = Réessayer de télécharger { $version }
update-install = Redémarrer pour mettre à jour
# { $amount } Mo reçus sur { $total } ; { $number } est le pourcentage.
update-progress = { $amount } sur { $total } Mo ({ $number } %)
update-progress-so-far = { $amount } Mo reçus jusqu'ici

## Réglages → Cet ordinateur : à propos
about-title = À propos de DukaDesk
about-loading = Chargement…
about-version = Version
about-database = Base de données

## The check of the shop's data file after start-up
store-damaged = DukaDesk a trouvé des dommages dans le fichier de données de cette boutique (un disque défaillant ou une coupure de courant peut en être la cause). Les nouvelles ventes sont toujours enregistrées, mais certains anciens enregistrements peuvent être illisibles. Exportez vos données maintenant et gardez la copie en lieu sûr, puis restaurez une sauvegarde ou demandez de l'aide à votre contact DukaDesk.
store-damaged-export = Exporter vos données
store-damaged-details = Ce qui a été trouvé

# Order detail, its steps and taking money at the till
order-loading = Chargement de la commande…
order-select-hint = Choisissez une commande avec ↑ ↓, ou appuyez sur n pour en créer une.
order-change-to-give = Monnaie à rendre : { $change }
order-change-from = sur { $tendered } pour { $total }
order-channel-till = Caisse
order-channel-test-chat = Chat d'essai
order-cancel-this = Annuler cette commande ?
order-cancel-confirm = Annuler la commande { $number } ?
order-yes-cancel = Oui, annuler
order-keep-it = La garder
order-waiting-for-payment = En attente de paiement : enregistrez-le ci-dessous une fois l'argent reçu.
order-print-receipt = Imprimer le reçu
order-print-bill = Imprimer la note
order-save-pdf = Enregistrer en PDF
order-cancel = Annuler la commande
order-walk-in = Client au comptoir
order-customer = Client
order-fulfilment = Remise
order-delivery-to = Livraison à { $zone }
order-subtotal = Sous-total
order-delivery-fee = Livraison
order-total = Total
order-method-cash = Espèces
order-method-mpesa-code = M-Pesa (code)
order-method-mpesa-prompt = Demande M-Pesa
order-method-intasend = Demande M-Pesa (IntaSend)
order-method-test = Paiement d'essai
order-method-credit = À crédit
order-payment-pending = En attente
order-payment-succeeded = Payé
order-payment-failed = Échoué
order-payment-unknown = Inconnu : vérifiez M-Pesa
order-payments = Paiements
order-payment-refused = Le serveur de la boutique a refusé un paiement de cette commande : { $reason } Vérifiez l'argent avant de remettre la marchandise.
order-refunds = Remboursements
order-refund-open = Rembourser…
order-refund-left = Jusqu'à { $left } peut être rendu (l'argent reçu pour cette commande, moins les remboursements faits).
order-refund-amount = Montant rendu
order-refund-method = Comment il est rendu
order-refund-cash = Espèces de la caisse
order-refund-receipt = Code M-Pesa de l'argent renvoyé (si vous l'avez)
order-refund-reason = Pourquoi
order-refund-reason-hint = par exemple : 1 pain rapporté
order-refund-reason-erased = retiré avec les données du client
order-refund-give = Rendre { $amount }
order-refund-give-it = Rendre
order-refund-keep = Ne pas rembourser
order-refund-owner = Seul le propriétaire rend de l'argent : son mot de passe est demandé s'il n'a pas été saisi dans les 10 dernières minutes.
order-refund-over = { $amount } de plus que ce que cette commande a rapporté a été rendu : deux caisses ont rendu le même argent hors ligne. Demandez au client de le rendre, ou comptez-le comme une perte.
order-history = Historique
order-by = par { $actor }
order-step-request-payment = Demander le paiement
order-step-payment-received = Paiement reçu
order-step-payment-failed = Paiement échoué
order-step-retry-payment = Relancer le paiement
order-step-mark-paid = Marquer payée
order-step-start-preparing = Commencer la préparation
order-step-ready = Prête à retirer
order-step-dispatch = Envoyer en livraison
order-step-collected = Marquer retirée
order-step-delivered = Marquer livrée
order-step-paid-on-collection = Payée au retrait
order-step-paid-on-delivery = Payée à la livraison
order-step-cancel = Annuler la commande
till-cancelling = Annulation de la commande { $number }…
till-moving = Commande { $number } : { $step }…
till-now = { $number } : { $status }.
pay-exact-amount = Montant exact : { $amount }
pay-change = Monnaie : { $change }
pay-cash-given = Espèces reçues du client
pay-cash-received = Espèces encaissées
pay-mpesa-code = Code M-Pesa
pay-mpesa-paid = Payé par M-Pesa
pay-on-credit = À crédit : { $who } paiera plus tard

# The new-order form at the till
orderform-title = Nouvelle commande
orderform-close = Fermer
orderform-create = Créer la commande
orderform-enter-adds = Entrée ajoute { $qty }
orderform-enter-adds-one = Entrée ajoute 1 · 3*sucre ajoute 3
orderform-add-items = Ajouter des articles
orderform-search-placeholder = Tapez le nom d'un article…
orderform-no-match = Aucun article actif ne correspond.
orderform-stock-left = { $count } en stock
orderform-no-items = Aucun article pour l'instant.
orderform-one-pack = 1 paquet
orderform-one-less = Un { $name } de moins
orderform-quantity-of = Quantité de { $name }
orderform-one-more = Un { $name } de plus
orderform-phone = Téléphone (facultatif au comptoir)
orderform-phone-recipient = Téléphone qui reçoit le crédit ou le forfait
orderform-name = Nom (facultatif)
orderform-pickup-or-delivery = Retrait ou livraison
orderform-pickup = Retrait au magasin
orderform-address = Adresse ou point de repère
orderform-payment = Paiement
orderform-pay-unpaid = Pas encore payée
orderform-pay-cash = Espèces
orderform-pay-mpesa = M-Pesa (code du reçu)
orderform-pay-credit = À crédit (un client connu paie plus tard)
orderform-pay-on-delivery = Paiement à la livraison (à la remise)
orderform-buyer-pin = PIN KRA de l'acheteur (facultatif, pour sa facture fiscale)
orderform-note = Note (facultatif)
orderform-cash-given = Espèces reçues (vide : montant exact)
orderform-barcode-pick = Choisissez l'article de ce code.
orderform-barcode-unknown = Code-barres { $code } inconnu : aucun article ne l'a.
orderform-barcode-none = Ajoutez un article avec ce code dans les Produits (champ Code-barres), puis scannez à nouveau.
orderform-barcode-item = Article de ce code
orderform-barcode-choose = L'attribuer à un article…
orderform-barcode-assign = Lui donner le code et l'ajouter
orderform-barcode-or-new = Ou ajoutez un nouvel article avec ce code dans les Produits.

# Reports
cashup-title = Clôture de caisse
cashup-open = Compter le tiroir
cashup-none = Aucune clôture pour l'instant. En fin de journée ou de service, comptez le tiroir ici.
cashup-older =
    { $count ->
        [one] Clôture précédente ({ $count })
       *[other] Clôtures précédentes ({ $count })
    }
cashup-till = Caisse
cashup-since = Depuis
cashup-payments = Paiements
cashup-cash-sales = Ventes en espèces
cashup-cash-refunds = Remboursements en espèces
cashup-float = Fond de caisse (espèces dans le tiroir au départ)
cashup-expected = Attendu dans le tiroir :
cashup-counted = Espèces comptées
cashup-note = Note (pourquoi il y a un écart)
cashup-record = Enregistrer la clôture
cashup-adding-up = Calcul des recettes de cette caisse…
cashup-result = : { $counted } comptés sur { $expected } attendus, par { $by }.
cashup-recorded = Clôture enregistrée : { $balance }.
cashup-print-z = Imprimer le rapport Z
cashup-print-this = Imprimer ce rapport Z
cashup-print = Imprimer
cashup-when = Quand
cashup-expected-col = Attendu
cashup-counted-col = Compté
cashup-balance = Écart
cashup-by = Par
cashup-balanced = Juste
cashup-over = Excédent de { $amount }
cashup-short = Manque de { $amount }
summary-title = La journée en un message
summary-adding-up = Calcul de la journée…
summary-not-sent = Non envoyé : tapez votre numéro WhatsApp pour le recevoir chaque jour à la fermeture.
summary-sent-to = Envoyé au +{ $number } chaque jour à la fermeture, depuis le WhatsApp de cette caisse.
summary-to-be-sent = Sera envoyé au +{ $number } à la fermeture une fois WhatsApp relié sur cette caisse.
summary-stopped = Le résumé de la journée n'est plus envoyé.
summary-will-be-sent = Le résumé de la journée sera envoyé à la fermeture.
summary-number = Votre numéro WhatsApp
summary-language = En
summary-save = Enregistrer
report-title = Rapports
report-period = Période
report-period-today = Aujourd'hui
report-period-yesterday = Hier
report-period-this-week = Cette semaine
report-period-this-month = Ce mois-ci
report-period-dates = Dates…
report-from = Du
report-to = au
report-show = Afficher
report-pick-first-day = Choisissez le premier jour.
report-pick-last-day = Choisissez le dernier jour.
report-adding-up = Calcul des ventes…
report-rule = Les ventes sont les commandes payées et non annulées (payée, en préparation, en livraison, livrée ; une commande payée à la livraison, une fois remise), comptées le jour où elles ont été passées, à l'heure du magasin. Les commandes impayées sont en attente de paiement ; les commandes annulées et celles du chat d'essai ne sont pas des ventes.
report-vs-yesterday = par rapport à hier
report-vs-day-before = par rapport à la veille
report-vs-last-week = par rapport aux mêmes jours la semaine dernière
report-vs-last-month = par rapport aux mêmes jours le mois dernier
report-vs-days-before = par rapport aux { $count } jours précédents
report-no-change = inchangé { $comparison }
report-up-from-none = en hausse depuis zéro { $comparison }
report-orders-count =
    { $count ->
        [one] { $count } commande
       *[other] { $count } commandes
    }
report-compared-with = {" "}· comparé au { $range }
report-gross = Ventes brutes
report-orders = Commandes
report-average = Panier moyen
report-awaiting = En attente de paiement
report-not-paid-yet =
    { $count ->
        [one] { $count } commande pas encore payée
       *[other] { $count } commandes pas encore payées
    }
report-cancelled = Annulées
report-refunded = Argent rendu
report-net-sales = Ventes moins remboursements : { $amount }
report-give-back = {" "}· { $count } après paiement : { $amount } à rembourser
report-by-hour = Ventes par heure
report-no-sales = Pas encore de ventes sur cette période.
report-hours-label = Ventes pour chaque heure de la journée
report-by-payment = Par paiement
report-by-channel = Par canal
report-channel-till = Caisse (comptoir et téléphone)
report-test-orders =
    { $count ->
        [one] { $count } commande du chat d'essai, non comptée.
       *[other] { $count } commandes du chat d'essai, non comptées.
    }
report-top-units = Meilleurs articles en quantité
report-top-sales = Meilleurs articles en ventes
report-nothing-sold = Rien de vendu pour l'instant.
report-sold = { $count } vendus
report-pay-mpesa-prompt = Demande M-Pesa (STK)
report-pay-mpesa-manual = M-Pesa till / paybill (code saisi)
report-pay-cash = Espèces
report-pay-credit = À crédit (à payer)
report-pay-not-recorded = Paiement non enregistré ici
report-by-reseller = Par revendeur
report-reseller-commission = { $amount } de commission

## The pairing window (link WhatsApp)
pairing-title = Connecter WhatsApp
pairing-step-open = Ouvrez WhatsApp sur le téléphone de la boutique.
pairing-qr-step-go = Allez dans WhatsApp > Appareils connectés > Connecter un appareil (Réglages sur iPhone, le menu ⋮ sur Android).
pairing-qr-step-point = Pointez le téléphone vers ce code.
pairing-code-step-go = Allez dans WhatsApp > Appareils connectés > Connecter un appareil, puis touchez « Connecter avec le numéro de téléphone à la place ».
pairing-code-step-type = Saisissez ce code sur le téléphone.
pairing-phone-label = Ou connectez avec le numéro de téléphone de la boutique
pairing-phone-start = Obtenir un code à saisir sur le téléphone
pairing-qr-start = Afficher un code QR
pairing-loading = Chargement…
pairing-intro = DukaDesk devient un appareil connecté au WhatsApp de la boutique, comme WhatsApp Web. Rien n'est envoyé à WhatsApp avant votre choix ci-dessous.
pairing-starting = Connexion à WhatsApp pour obtenir un code…
pairing-qr-label = Code QR pour connecter WhatsApp
pairing-qr-countdown = Ce code change dans { $time }
pairing-exhausted = Les codes ont expiré avant qu'un soit scanné.
pairing-new-code = Obtenir un nouveau code
pairing-code-label = Code d'association
pairing-code-countdown = Le code expire dans { $time }
pairing-linked-to = WhatsApp est connecté au
pairing-linked-hint = Le bot répond maintenant aux clients qui écrivent à ce numéro. Vous pouvez fermer cette fenêtre.

## The Export window
export-title = Exporter les données
export-intro = Un fichier ZIP avec un tableur (CSV) et un fichier JSON par type d'enregistrement, un résumé à lire d'abord, et les sommes de contrôle de chaque fichier.
export-what = Que faut-il exporter
export-shop = Toute la boutique
export-shop-hint = Les commandes avec leurs lignes et leur historique, les paiements avec leurs codes M-Pesa, le catalogue, les clients, les zones de livraison, les informations de la boutique, les conversations et le journal d'audit.
export-customer = Un client
export-customer-hint = Tout ce qui est gardé sur une personne, pour un client qui demande ses données : ses coordonnées, commandes, paiements et conversations.
export-phone = Numéro de téléphone du client
export-choosing = Choisissez où enregistrer le fichier…
export-writing = Écriture : { $name }… { $percent } %
export-stop = Arrêter
export-close = Fermer
export-start = Choisir où enregistrer…
export-saved = Export enregistré. Gardez-le en lieu sûr : il contient des données personnelles de clients.
export-file = Fichier
export-size = Taille
export-rows = Lignes
export-rows-all = { $total } au total
export-rows-each = Lignes de chaque type
export-again = Exporter autre chose
export-done = Terminé
export-entity-business = Informations de la boutique
export-entity-delivery-zones = Zones de livraison
export-entity-categories = Catégories
export-entity-catalogue = Catalogue
export-entity-stock-movements = Mouvements de stock
export-entity-cash-ups = Clôtures de caisse
export-entity-resellers = Revendeurs
export-entity-reseller-credits = Commandes attribuées aux revendeurs
export-entity-reseller-payouts = Paiements aux revendeurs
export-entity-credit-payments = Crédits remboursés
export-entity-customers = Clients
export-entity-orders = Commandes
export-entity-order-items = Lignes de commande
export-entity-order-history = Historique des commandes
export-entity-payments = Paiements
export-entity-digital-sends = Crédit et forfaits
export-entity-conversations = Conversations
export-entity-messages = Messages
export-entity-erasure-requests = Demandes d'effacement
export-entity-audit-log = Journal d'audit

## The Disconnect window
disconnect-title = Déconnecter
disconnect-intro = Coupez les liens de cet ordinateur avec les services extérieurs. Les commandes, clients et catalogue de la boutique sur cet ordinateur restent ; chaque étape est notée dans le journal d'audit.
disconnect-loading = Chargement…
disconnect-cancel = Annuler
disconnect-working = En cours…
disconnect-close = Fermer
disconnect-wa-title = WhatsApp
disconnect-wa-not-linked = Non connecté : cet ordinateur ne garde aucune clé WhatsApp.
disconnect-wa-linked = Connecté au { $number }.
disconnect-wa-linked-business = Connecté au { $number } ({ $name }).
disconnect-wa-linking = La connexion a commencé sur cet ordinateur.
disconnect-wa-effect-logout = DukaDesk déconnecte cet ordinateur de WhatsApp : le téléphone de la boutique ne le liste plus dans Appareils connectés.
disconnect-wa-effect-keys = Les clés WhatsApp gardées sur cet ordinateur sont effacées aussitôt.
disconnect-wa-effect-bot = Le bot cesse de répondre aux clients sur WhatsApp. Les conversations et commandes déjà ici restent.
disconnect-wa-effect-again = Vous pourrez reconnecter plus tard depuis Réglages → WhatsApp, avec un nouveau code.
disconnect-wa-offline = WhatsApp n'a pas pu être prévenu, car cet ordinateur est hors ligne. Sur le téléphone de la boutique, ouvrez WhatsApp → Appareils connectés et déconnectez cet ordinateur.
disconnect-wa-done = WhatsApp est déconnecté et ses clés sont effacées de cet ordinateur.
disconnect-wa-action = Déconnecter WhatsApp…
disconnect-wa-question = Déconnecter WhatsApp de cet ordinateur maintenant ?
disconnect-wa-confirm = Déconnecter et effacer les clés
disconnect-hosted-title = Synchronisation avec les autres caisses
disconnect-hosted-connected = Connectée à « { $name } » comme caisse « { $device } ».
disconnect-hosted-alone = Non connectée : cette caisse fonctionne seule.
disconnect-hosted-effect-stop = Cette caisse cesse de se synchroniser avec « { $name } » sur { $url }.
disconnect-hosted-effect-key = Sa clé du serveur est effacée de cet ordinateur aussitôt. Se reconnecter demandera une nouvelle chaîne d'inscription.
disconnect-hosted-effect-data = Les commandes, clients et le catalogue restent sur cet ordinateur, et sur le serveur pour les autres caisses de la boutique.
disconnect-hosted-effect-pending = { $count ->
    [one] 1 modification faite ici n'a pas encore atteint le serveur. Elle reste sur cette caisse, et ne montera que si la caisse est reconnectée à la même boutique.
   *[other] { $count } modifications faites ici n'ont pas encore atteint le serveur. Elles restent sur cette caisse, et ne monteront que si la caisse est reconnectée à la même boutique.
}
disconnect-hosted-effect-bot = Le bot WhatsApp tourne sur cette caisse : une autre caisse qui propose de le faire tourner prend le relais.
disconnect-hosted-offline = Le serveur est injoignable : la prise de cette caisse sur le bot WhatsApp prendra fin d'elle-même sous deux minutes.
disconnect-hosted-unsent = { $count ->
    [one] 1 modification faite ici n'a jamais atteint le serveur. Elle est gardée sur cette caisse.
   *[other] { $count } modifications faites ici n'ont jamais atteint le serveur. Elles sont gardées sur cette caisse.
}
disconnect-hosted-revoke = Le serveur liste encore cette caisse. Si cet ordinateur quitte la boutique, demandez à qui gère votre serveur de la révoquer.
disconnect-hosted-done = Cette caisse a quitté « { $name } ». Sa clé du serveur est effacée.
disconnect-hosted-action = Arrêter la synchronisation avec les autres caisses…
disconnect-hosted-question = Arrêter la synchronisation de cette caisse et effacer sa clé du serveur maintenant ?
disconnect-hosted-confirm = Partir et oublier la clé
disconnect-meta-title = Pages Facebook et Instagram
disconnect-meta-now = Non connecté. Cette version de DukaDesk ne se connecte pas aux pages Facebook ou Instagram : elle ne garde aucun jeton pour elles.

# Les refus des règles (un numéro, un montant, une étape de commande) : crates/domain/src/words.rs.
error-fields = Certains champs sont à corriger.
error-phone-empty = Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.
error-phone-characters = Un numéro de téléphone ne contient que des chiffres (et un + au début, si besoin).
error-phone-not-recognised = Ce n'est pas un numéro de mobile marocain ou kényan. Essayez 06 12 34 56 78 ou +212 6 12 34 56 78.
error-phone-length = Ce numéro a { $digits } chiffres ; un numéro de mobile en a 10 (06 12 34 56 78), ou 12 avec l'indicatif du pays (212 6 12 34 56 78).
error-amount-empty = Saisissez un montant, par exemple 250 ou 99.50.
error-amount-not-a-number = « { $typed } » n'est pas un montant. Utilisez des chiffres, par exemple 250 ou 99.50.
error-amount-decimals = Deux décimales au plus, par exemple 99.50.
error-amount-negative = Le montant ne peut pas être négatif.
error-amount-too-large = Ce montant est trop élevé.
error-amount-currencies = Impossible d'additionner des montants en { $first } et en { $second }.
error-tender-short = { $tendered } est inférieur au total de { $total } : il manque { $short }.
error-order-already-paid = Cette commande est déjà payée.
error-order-final = Cette commande est déjà « { $status } » ; elle ne peut plus changer.
error-order-illegal = Une commande « { $status } » ne peut pas passer par « { $step } ».
error-status-draft = { till-status-draft }
error-status-awaiting-payment = { till-status-awaiting-payment }
error-status-payment-failed = { till-status-payment-failed }
error-status-paid = { till-status-paid }
error-status-preparing = { till-status-preparing }
error-status-out-for-delivery = { till-status-out-for-delivery }
error-status-delivered = { till-status-delivered }
error-status-cancelled = { till-status-cancelled }
error-step-request-payment = { order-step-request-payment }
error-step-payment-received = { order-step-payment-received }
error-step-payment-failed = { order-step-payment-failed }
error-step-retry-payment = { order-step-retry-payment }
error-step-mark-paid = { order-step-mark-paid }
error-step-start-preparing = { order-step-start-preparing }
error-step-dispatch = { order-step-dispatch }
error-step-deliver = { order-step-delivered }
error-step-cancel = { order-step-cancel }
error-step-paid-on-delivery = { order-step-paid-on-delivery }
error-mpesa-code = Un code M-Pesa compte 10 lettres et chiffres, comme QFT4ABC12X (dans le SMS du client).
error-shop-code-short = Au moins 3 caractères, par exemple epicerie-amal.
error-shop-code-long = 30 caractères au plus.
error-shop-code-characters = Uniquement des lettres a-z, des chiffres et des tirets.
error-shop-code-dash = Le code ne peut ni commencer ni finir par un tiret.
error-printer-address-empty = Saisissez l'adresse de l'imprimante, par exemple 192.168.1.50 (elle figure sur la page que l'imprimante imprime quand on l'allume en maintenant le bouton d'avance du papier).
error-printer-port = « { $port } » n'est pas un numéro de port ; les imprimantes de tickets utilisent 9100.
error-printer-address = Saisissez seulement l'adresse, par exemple 192.168.1.50 ou 192.168.1.50:9100.
error-pay-to-number = Un numéro de till ou de paybill a 5 à 8 chiffres, par exemple 123456.
error-pay-to-kind = Choisissez un till (Buy Goods) ou un paybill.
error-cart-not-for-sale = { $name } n'est plus en vente.
error-cart-out-of-stock = { $name } : il n'en reste que { $available }.
error-label-no-weight = L'étiquette n'indique aucun poids ; pesez l'article de nouveau.
error-label-no-price = L'étiquette n'indique aucun prix ; pesez l'article de nouveau.
error-cart-quantity = Choisissez entre 1 et { $max } unités.
error-cart-currency = Le prix de { $name } est dans une autre devise.

# Ce que refusent les formulaires (crates/domain/src/words.rs, `Problem`).
problem-too-long = { $max } caractères au plus.
problem-no-items = Ajoutez au moins un article.
problem-quantity = Les quantités vont de 1 à { $max }.
problem-scale-label = { $code } n'est pas une étiquette de balance que cette caisse sait lire ; scannez-la de nouveau.
problem-delivery-address = Indiquez où livrer (une rue, un immeuble ou un repère).
problem-delivery-phone = Une livraison a besoin du téléphone du client pour le livreur.
problem-credit-phone = Une vente à crédit a besoin du téléphone du client : c'est lui qui doit l'argent.
problem-on-delivery-phone = Une commande payée à la livraison a besoin du téléphone du client, pour l'appeler à la remise.
problem-shop-name = Saisissez le nom du magasin tel que les clients le connaissent.
problem-zone-name = Saisissez le nom du quartier, par exemple Maârif.
problem-all-days = Indiquez les horaires des sept jours.
problem-closes-before-opening = Le { $day }, le magasin doit fermer après son ouverture.
problem-hours-format = Utilisez des heures sur 24 h pour le { $day }, par exemple 08:00 et 20:00.
problem-alias-too-long = « { $name } » est long : 40 caractères au plus pour chaque autre nom.
problem-too-many-aliases = { $max } autres noms au plus, séparés par des virgules.
problem-stock-number = Saisissez le stock en nombre entier, par exemple 12.
problem-low-stock-number = Saisissez le seuil d'alerte en nombre entier, par exemple 12.
problem-megabytes-number = Saisissez la taille du forfait en Mo en nombre entier, par exemple 12.
problem-validity-number = Saisissez la validité en jours en nombre entier, par exemple 12.
problem-item-name = Saisissez le nom de l'article, par exemple Thé vert 200 g.
problem-price-zero = Le prix doit être supérieur à zéro.
problem-bundle-size = Un forfait doit avoir plus de 0 Mo.
problem-bundle-days = Un forfait doit être valable au moins 1 jour.
problem-airtime-price = Le crédit est envoyé en shillings entiers de KES 10 à KES 10,000 : fixez le prix à sa valeur faciale.
problem-bundle-validity = Les forfaits sont vendus valables 1, 7, 14, 30 ou 90 jours.
problem-barcode = Scannez le code-barres, ou tapez les chiffres en dessous (au moins 6).
problem-item-class = La classification KRA de l'article est le code à dix chiffres que KRA donne à ce type de marchandise, comme 5059690800 ; laissez vide pour celle de la boutique.
problem-low-stock-needs-stock = Saisissez aussi le stock : seuls les articles comptés peuvent manquer.
problem-category-name = Saisissez un nom de catégorie, par exemple Légumes.
problem-counted-cash = Comptez l'argent du tiroir et tapez le total (0 s'il est vide).
problem-cash-up-note = Gardez la note sous 500 caractères.
problem-printer-port = Saisissez le port de l'imprimante, par exemple /dev/usb/lp0, COM3 ou \\localhost\POS58.
problem-report-order = Le dernier jour doit être le premier jour ou après.
problem-report-days = Choisissez { $max } jours au plus.
problem-commission-on = Choisissez sur quoi la commission est gagnée : tout, une catégorie ou un article.
problem-reseller-name = Saisissez le nom du revendeur (80 caractères au plus).
problem-reseller-code = De 3 à 12 lettres et chiffres, par exemple AMAL10.
problem-percentage = Saisissez un pourcentage supérieur à 0 et d'au plus 50, par exemple 5 ou 2.5.
problem-per-unit = Saisissez le montant gagné par unité vendue, par exemple 10.
problem-pay-whom = Choisissez qui payer.
problem-payout-amount = Saisissez le montant payé, par exemple 500.
problem-payout-method = Choisissez espèces ou M-Pesa.
problem-password-short = Au moins { $min } caractères : une courte phrase est facile à retenir et difficile à deviner.
problem-passwords-differ = Les deux mots de passe diffèrent. Tapez deux fois le même.
problem-pin = Un code PIN compte 4 à 6 chiffres (0-9), rien d'autre.
problem-staff-name = Saisissez le nom sous lequel cette personne est appelée à la caisse.
problem-staff-name-long = Gardez le nom sous 40 caractères ; un prénom suffit.
problem-passphrase-short = Au moins { $min } caractères : quelques mots dont vous vous souviendrez conviennent bien.
problem-passphrases-differ = Les deux phrases secrètes diffèrent. Tapez deux fois la même.
problem-repaid-amount = Saisissez le montant remboursé.
problem-wrong-pin = Ce code PIN n'est pas bon. Encore { $count } { $count ->
        [one] essai
       *[other] essais
    } avant une courte attente.
problem-wrong-password = Ce mot de passe n'est pas bon. Encore { $count } { $count ->
        [one] essai
       *[other] essais
    } avant une courte attente.
problem-owner-uses-password = Le propriétaire se connecte avec le mot de passe du propriétaire, pas avec un code PIN.
problem-pin-taken = Quelqu'un utilise déjà ce code PIN. Choisissez-en un autre.
problem-pin-needed = Saisissez un code PIN de 4 à 6 chiffres.
problem-owner-stays = Le propriétaire ne peut pas être désactivé.
problem-no-owner-password = Aucun mot de passe propriétaire n'est encore défini. Définissez-en un d'abord (l'application le demande).
problem-cannot-sign-in = { $name } ne peut plus se connecter. Demandez au propriétaire.
problem-idle-minutes = Choisissez entre 1 et 120 minutes.
problem-item-removed = Un article de cette commande a été retiré du catalogue.
problem-item-archived = { $name } est archivé et n'est plus vendu.
problem-none-left = Plus de { $name } : le stock indique { $level }, car les caisses ont vendu plus que le compte. Recomptez-le dans le catalogue.
problem-only-left = Il ne reste que { $left } { $name } en stock ({ $qty } demandés).
problem-not-a-scale-label = { $code } n'est pas une étiquette de balance ; scannez-la de nouveau.
problem-label-not-for = L'étiquette { $code } n'est pas pour { $name } : son code-barres dans le catalogue doit être { $barcode }.
problem-zone-gone = Cette zone de livraison n'est plus proposée ; choisissez-en une autre.
problem-airtime-phone = Saisissez le numéro de téléphone qui reçoit le crédit ou le forfait.
problem-code-used = Le code M-Pesa { $code } est déjà enregistré sur la commande n° { $number }. Vérifiez le code dans le SMS du client.
problem-choose-payment = Choisissez espèces, M-Pesa ou crédit.
problem-paid-at-hand-over = La commande { $number } se paie à la remise : envoyez-la d'abord (ou mettez-la prête à retirer), puis enregistrez l'argent.
problem-statement-code = Saisissez le code M-Pesa tel qu'il figure sur votre relevé (10 lettres et chiffres).
problem-code-or-reason = Saisissez le code M-Pesa du relevé ou du SMS du client, ou dites pourquoi il n'y en a pas.
problem-reason-long = Expliquez en 200 caractères au plus.
problem-code-recorded = Le code M-Pesa { $code } est déjà enregistré sur la commande n° { $number }.
problem-owes-nothing = Il ne doit rien : il n'y a rien à lui rappeler.
problem-cannot-remind = Aucun rappel ne peut être envoyé : ce client n'a jamais écrit au magasin sur WhatsApp, ou a demandé à ne plus recevoir de messages (STOP). Rappelez-le en personne ou par téléphone.
problem-unknown-environment = Choisissez le bac à sable (sandbox) ou la production, ou donnez une adresse https://.
problem-daraja-key = Collez la consumer key de votre application Daraja.
problem-daraja-secret = Collez le consumer secret de votre application Daraja.
problem-daraja-shortcode = Le shortcode compte 5 à 7 chiffres, par exemple 174379.
problem-daraja-passkey = Collez la passkey Lipa na M-Pesa que Safaricom vous a donnée.
problem-daraja-till = Un numéro de till compte 5 à 8 chiffres ; laissez vide pour un paybill.
problem-intasend-public-key = Collez la clé publique (publishable key) de votre tableau de bord IntaSend.
problem-intasend-secret-key = Collez la clé secrète de votre tableau de bord IntaSend.
problem-at-username = Tapez le nom d'utilisateur de votre application Africa's Talking (« sandbox » sur le bac à sable).
problem-at-api-key = Collez la clé API de votre tableau de bord Africa's Talking (Settings → API Key).
problem-at-bundle-product = Le nom du produit fait au plus 100 caractères.
problem-kra-key = Collez la consumer key de votre application sur le portail développeurs de KRA (GavaConnect).
problem-kra-secret = Collez le consumer secret qui va avec cette clé.
problem-kra-serial = Tapez le numéro de série de cette caisse tel que vous l'avez enregistré auprès de KRA pour OSCU.
problem-kra-pin = Un PIN KRA est une lettre, neuf chiffres et une lettre, comme P051234567X : recopiez-le de votre certificat PIN.
problem-kra-branch = L'identifiant de succursale a deux chiffres : 00 pour le siège, ou le numéro que KRA a donné à la succursale.
problem-shop-item-class = Le code de classification est le code à dix chiffres que KRA donne à ce que vend la boutique (eTIMS → item classification), comme 5059690800.
problem-item-class-unlisted = KRA ne liste pas { $code } comme classification d'article : tapez ce qu'est l'article et choisissez un code dans la liste.
problem-item-class-withdrawn = KRA n'utilise plus { $code } ({ $name }) pour les nouveaux articles : tapez ce qu'est l'article et choisissez un code dans la liste.
problem-type-a-message = Tapez d'abord un message.
problem-message-too-long = Un message fait moins de 4 000 caractères.
problem-never-wrote = Ce client n'a pas encore écrit à la boutique sur WhatsApp. DukaDesk ne répond qu'aux clients qui ont écrit en premier ; écrivez-lui depuis le téléphone s'il le faut.
problem-currency-fixed = La devise ne peut plus changer une fois que des articles ont un prix.
problem-whatsapp-number = Tapez le numéro avec l'indicatif du pays, par exemple 254712345678.
problem-category-taken = Il existe déjà une catégorie nommée { $name }.
problem-category-gone = Cette catégorie n'existe plus ; choisissez-en une autre.
problem-barcode-taken = Ce code-barres est déjà sur { $name }. Scannez le code propre à cet article.
problem-stock-delta = Indiquez combien d'unités ajouter (par exemple 12) ou retirer (par exemple -2).
problem-not-counted = { $name } n'est pas compté. Tapez son stock dans le catalogue pour commencer à le compter.
problem-reseller-code-taken = { $name } a déjà le code { $code }. Choisissez-en un autre.
problem-applies-to-gone = Cette catégorie ou cet article n'est plus dans le catalogue. Choisissez de nouveau.
problem-payout-over = Au plus { $most } est payable maintenant (commission passée la période d'attente de { $days } jours, moins ce qui a été payé).
problem-payout-code-recorded = Le code M-Pesa { $code } est déjà enregistré pour un versement.
problem-daraja-first = Saisissez d'abord les identifiants Daraja.
problem-intasend-first = Saisissez d'abord les clés IntaSend.
problem-order-years = Gardez les commandes entre { $min } et { $max } ans (les documents fiscaux doivent être gardés au moins { $min } ans).
problem-phone-taken = Un autre client a ce numéro.
problem-kra-first = Configurez d'abord cette caisse avec KRA.
problem-invoice-carries-pin = La facture porte déjà { $pin }.
problem-wrong-passphrase = Cette phrase secrète n'ouvre pas les secrets de cette boutique. Vérifiez-la et réessayez.
problem-photo-empty = Ce fichier est vide. Choisissez une photo enregistrée en JPEG, PNG ou WebP.
problem-photo-too-large = Ce fichier dépasse 20 Mo. Choisissez une photo plus petite, ou enregistrez-la de nouveau en plus petit.
problem-photo-not-a-picture = Ce fichier n'est pas une image JPEG, PNG ou WebP. Pour une photo d'iPhone (HEIC), partagez-la d'abord en JPEG.
problem-photo-unreadable = Cette image n'a pas pu être lue : elle est peut-être abîmée ou trop grande. Ouvrez-la et enregistrez-la de nouveau en JPEG, puis réessayez.
problem-over-limit = Plafond de crédit de { $name } dépassé : il doit { $balance } sur { $limit }, et cette vente fait { $amount }. Encaissez-en une partie en espèces ou par M-Pesa, ou relevez le plafond dans la page Clients.
problem-send-cancelled = Sa commande a été annulée, il n'est donc pas renvoyé. Remboursez le client.
problem-send-erased = Le numéro du client a été effacé, il ne peut donc pas être renvoyé. Remboursez le client.
problem-may-still-deliver = Africa's Talking peut encore le livrer. Attendez sa réponse avant de l'envoyer à la main.
problem-refund-note = Dites comment l'argent a été rendu (un code M-Pesa, ou en espèces), en 200 caractères au plus.
problem-nothing-to-refund = Rien à rembourser : cette commande n'a rapporté ni espèces ni M-Pesa, ou tout a déjà été rendu.
problem-refund-over = Au plus { $left } peut être rendu pour cette commande (l'argent reçu, moins les remboursements faits).
problem-refund-amount = Saisissez le montant rendu, au plus { $left }.
problem-refund-reason = Dites pourquoi l'argent est rendu, par exemple « 1 pain rapporté » (200 caractères au plus).
problem-reseller-erased = Ce revendeur a été effacé à sa demande et ne peut plus être modifié. Ajoutez-le de nouveau s'il revient.

## The screen's own code failed (a banner over everything)
crashed-words = Cet écran ne répond plus. Rechargez-le pour continuer : tout ce qui est enregistré est conservé.
crashed-reload = Recharger l'écran
crashed-details = Ce qui s’est passé (pour l’assistance)

## The sync indicator at the foot of the nav
sync-synced = Synchronisé
sync-synced-title = À jour avec { $shop }.
sync-waiting = { $count } en attente
sync-waiting-title =
    { $count ->
        [one] Une modification attend d'être envoyée à { $shop }.
       *[other] { $count } modifications attendent d'être envoyées à { $shop }.
    }
sync-connecting = Connexion
sync-connecting-title = Connexion au serveur de { $shop }.
sync-offline = Hors ligne
sync-attention = La synchronisation demande votre attention
